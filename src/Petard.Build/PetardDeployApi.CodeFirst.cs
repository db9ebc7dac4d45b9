using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>The code-first parameters of <see cref="PetardDeployApi"/>: the documents the app generated at build and the integrations by convention.</summary>
public sealed partial class PetardDeployApi
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

    /// <summary>The project is a web project that neither sets an OpenAPI file nor generates documents at build.</summary>
    public bool GeneratorMissing { get; set; }

    /// <summary>The definition as it was sent (converted, with integrations), when one was deployed.</summary>
    [Output]
    public string? DeployedDocument { get; set; }
}
