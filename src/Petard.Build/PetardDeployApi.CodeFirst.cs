using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>The code-first parameters of <see cref="PetardDeployApi"/>: the documents the app generated at build and the integrations by convention.</summary>
public sealed partial class PetardDeployApi
{
    /// <summary><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>: the integration of every operation that has none.</summary>
    public string? IntegrationType { get; set; }

    /// <summary>http_proxy: the backend's base URL (<c>${stageVariables.name}</c> allowed); aws_proxy: the Lambda function's ARN or name.</summary>
    public string? IntegrationUri { get; set; }

    /// <summary>Per-operation integrations: <c>Include</c> = <c>GET /orders/{id}</c>, metadata <c>Type</c> and <c>Uri</c>.</summary>
    public ITaskItem[]? Integrations { get; set; }

    /// <summary>The documents the app generated at build (Microsoft.Extensions.ApiDescription.Server's file list), used when no OpenApiFile is set.</summary>
    public ITaskItem[]? GeneratedDocuments { get; set; }

    /// <summary>Which generated document to deploy (default: the only one, else <c>v1</c>).</summary>
    public string? OpenApiDocumentName { get; set; }

    /// <summary>Where the definition is written exactly as it is sent.</summary>
    public string? DeployedDocumentFile { get; set; }

    /// <summary>The project is a web project that neither sets an OpenAPI file nor generates documents at build.</summary>
    public bool GeneratorMissing { get; set; }

    /// <summary>The definition as it was sent (converted, with integrations), when one was deployed.</summary>
    [Output]
    public string? DeployedDocument { get; set; }
}
