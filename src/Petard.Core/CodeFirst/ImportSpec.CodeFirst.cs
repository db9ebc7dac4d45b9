namespace Petard.Workflows;

/// <summary>
/// The code-first part of an import: the definition may be one an ASP.NET Core app generated at
/// build (OpenAPI 3.1, no integrations); it is converted to 3.0 and given integrations by convention.
/// </summary>
public sealed partial class ImportSpec
{
    /// <summary>
    /// The integration every operation without one gets: <c>http_proxy</c> (forward to the backend at
    /// <see cref="IntegrationUri"/>), <c>aws_proxy</c> (the Lambda function in <see cref="IntegrationUri"/>)
    /// or <c>mock</c>. Operations that carry <c>x-amazon-apigateway-integration</c> keep theirs.
    /// </summary>
    public string? IntegrationType { get; set; }

    /// <summary>
    /// http_proxy: the backend's base URL (each operation's path is appended; <c>${stageVariables.name}</c>
    /// allowed). aws_proxy: the Lambda function's ARN or name.
    /// </summary>
    public string? IntegrationUri { get; set; }

    /// <summary>Per-operation integrations (<c>GET /orders/{id}</c>), overriding <see cref="IntegrationType"/> and <see cref="IntegrationUri"/>.</summary>
    public IList<OperationIntegration> Integrations { get; set; } = [];

    /// <summary>
    /// The documents the app generated at build, their paths by document name (<c>v1</c>, ...); used
    /// when <see cref="OpenApiFile"/> is not set, picked by <see cref="DocumentName"/>.
    /// </summary>
    public IDictionary<string, string> GeneratedDocuments { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Which of <see cref="GeneratedDocuments"/> to deploy, e.g. <c>v1</c>; null: the only one, else <c>v1</c>.</summary>
    public string? DocumentName { get; set; }

    /// <summary>Where to write the definition exactly as it is sent (after conversion and integrations), so it can be read; null: not written.</summary>
    public string? DeployedDocumentFile { get; set; }

    /// <summary>Whether an integration setting was given, so the definition is checked for operations without one.</summary>
    internal bool HasIntegrationSettings => !string.IsNullOrWhiteSpace(IntegrationType) || !string.IsNullOrWhiteSpace(IntegrationUri) || Integrations.Count > 0;
}
