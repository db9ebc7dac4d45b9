using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The code-first settings of <see cref="PetardAliases.PetardImportRestApi"/>: the same as <see cref="PetardDeployApiSettings"/>'s,
/// so the definition prepared from an <see cref="OpenApiFile"/> the app generated is the same in every alias.
/// </summary>
public sealed partial class PetardImportRestApiSettings : IPetardCodeFirstSettings
{
    /// <inheritdoc />
    public string? IntegrationType { get => request.Import.IntegrationType; set => request.Import.IntegrationType = value; }

    /// <inheritdoc />
    public string? IntegrationUri { get => request.Import.IntegrationUri; set => request.Import.IntegrationUri = value; }

    /// <inheritdoc />
    public IList<OperationIntegration> Integrations { get => request.Import.Integrations; set => request.Import.Integrations = value; }

    /// <inheritdoc />
    public FilePath? DeployedDocumentFile { get => CakePaths.File(request.Import.DeployedDocumentFile); set => request.Import.DeployedDocumentFile = value?.FullPath; }
}
