using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>The code-first parameters of <see cref="PetardImportRestApi"/>: the same as <see cref="PetardDeployApi"/>'s, so the chained tasks prepare the same definition.</summary>
public sealed partial class PetardImportRestApi
{
    /// <inheritdoc />
    public string? IntegrationType { get; set; }

    /// <inheritdoc />
    public string? IntegrationUri { get; set; }

    /// <inheritdoc />
    public ITaskItem[]? Integrations { get; set; }

    /// <inheritdoc />
    public ITaskItem[]? GeneratedDocuments { get; set; }

    /// <inheritdoc />
    public string? OpenApiDocumentName { get; set; }

    /// <inheritdoc />
    public string? DeployedDocumentFile { get; set; }
}
