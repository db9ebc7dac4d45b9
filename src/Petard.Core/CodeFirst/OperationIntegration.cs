namespace Petard.Workflows;

/// <summary>
/// The integration of one operation of the definition, overriding <see cref="ImportSpec.IntegrationType"/>
/// and <see cref="ImportSpec.IntegrationUri"/> for it (MSBuild: a <c>PetardIntegration</c> item).
/// </summary>
public sealed class OperationIntegration
{
    /// <summary>Creates an override.</summary>
    /// <param name="operation">The operation as method and path, e.g. <c>GET /orders/{id}</c>.</param>
    /// <param name="type"><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>; null: <see cref="ImportSpec.IntegrationType"/>.</param>
    /// <param name="uri">The backend's base URL or the Lambda function; null: <see cref="ImportSpec.IntegrationUri"/>.</param>
    public OperationIntegration(string operation, string? type = null, string? uri = null)
    {
        Operation = operation;
        Type = type;
        Uri = uri;
    }

    /// <summary>The operation as method and path, e.g. <c>GET /orders/{id}</c>.</summary>
    public string Operation { get; }

    /// <summary><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>; null: the request's <see cref="ImportSpec.IntegrationType"/>.</summary>
    public string? Type { get; }

    /// <summary>The backend's base URL (http_proxy) or the Lambda function's ARN or name (aws_proxy); null: the request's <see cref="ImportSpec.IntegrationUri"/>.</summary>
    public string? Uri { get; }
}
