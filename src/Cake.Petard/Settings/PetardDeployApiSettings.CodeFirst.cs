using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The code-first settings of <see cref="PetardAliases.PetardDeployApi"/>: deploy the document an
/// ASP.NET Core app generated at build (set <see cref="OpenApiFile"/> to it), converted to OpenAPI 3.0,
/// with integrations by convention.
/// </summary>
public sealed partial class PetardDeployApiSettings : IPetardCodeFirstSettings
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
