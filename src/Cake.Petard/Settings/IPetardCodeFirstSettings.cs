using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The code-first settings, shared by <see cref="PetardImportRestApiSettings"/>, <see cref="PetardCreateDeploymentSettings"/>
/// and <see cref="PetardDeployApiSettings"/>: given the same values, the separate aliases prepare the same
/// definition, so the deployment's fingerprint is that of the document the import sent.
/// </summary>
public interface IPetardCodeFirstSettings
{
    /// <inheritdoc cref="ImportSpec.IntegrationType"/>
    string? IntegrationType { get; set; }

    /// <inheritdoc cref="ImportSpec.IntegrationUri"/>
    string? IntegrationUri { get; set; }

    /// <inheritdoc cref="ImportSpec.Integrations"/>
    IList<OperationIntegration> Integrations { get; set; }

    /// <summary>Where the definition is written exactly as it is sent (converted, with integrations); relative to the Cake working directory.</summary>
    FilePath? DeployedDocumentFile { get; set; }
}
