using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>
/// The code-first parameters, shared by <see cref="PetardImportRestApi"/>, <see cref="PetardCreateDeployment"/>
/// and <see cref="PetardDeployApi"/>: the definition each of them prepares from the same parameters is the same,
/// so chaining the separate tasks fingerprints the very document the import sent.
/// </summary>
internal interface ICodeFirstParameters
{
    /// <summary><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>: the integration of every operation that has none.</summary>
    string? IntegrationType { get; }

    /// <summary>http_proxy: the backend's base URL (<c>${stageVariables.name}</c> allowed); aws_proxy: the Lambda function's ARN or name.</summary>
    string? IntegrationUri { get; }

    /// <summary>Per-operation integrations: <c>Include</c> = <c>GET /orders/{id}</c>, metadata <c>Type</c> and <c>Uri</c>.</summary>
    ITaskItem[]? Integrations { get; }

    /// <summary>The documents the app generated at build (Microsoft.Extensions.ApiDescription.Server's file list), used when no OpenApiFile is set.</summary>
    ITaskItem[]? GeneratedDocuments { get; }

    /// <summary>Which generated document to deploy (default: the only one, else <c>v1</c>).</summary>
    string? OpenApiDocumentName { get; }

    /// <summary>Where the definition is written exactly as it is sent.</summary>
    string? DeployedDocumentFile { get; }

    /// <summary>The user's project file: the generator names its documents after it.</summary>
    string? ProjectFile { get; }
}
