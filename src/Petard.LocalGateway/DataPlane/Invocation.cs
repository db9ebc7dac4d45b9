using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>
/// One data-plane request on its way through the steps: each step reads what the steps before it
/// set and adds its own part, so data flows one way.
/// </summary>
internal sealed class Invocation(InvokeRequest request, string requestId, DateTimeOffset requestTime)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public InvokeRequest Request { get; } = request;

    public string RequestId { get; } = requestId;

    public DateTimeOffset RequestTime { get; } = requestTime;

    public TimeSpan Elapsed => clock.Elapsed;

    // Set by the route step.
    public JsonObject Stage { get; set; } = [];

    public string DeploymentId { get; set; } = string.Empty;

    /// <summary>Whether the stage's canary serves this request.</summary>
    public bool IsCanaryRequest { get; set; }

    public IReadOnlyDictionary<string, string> StageVariables { get; set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> BinaryMediaTypes { get; set; } = [];

    /// <summary>The API's <c>apiKeySource</c>: <c>HEADER</c> (the <c>x-api-key</c> header) or <c>AUTHORIZER</c>.</summary>
    public string ApiKeySource { get; set; } = "HEADER";

    /// <summary>The rest API's authorizers, request validators, models and customized gateway responses, copied by the route step.</summary>
    public JsonObject Api { get; set; } = [];

    public JsonObject? Resource { get; set; }

    public JsonObject? Method { get; set; }

    public IReadOnlyDictionary<string, string> PathParameters { get; set; } = new Dictionary<string, string>();

    // Set by the API key step when the method requires a key.
    public string? ApiKeyId { get; set; }

    public JsonObject? UsagePlan { get; set; }

    // Set by the authorizer step: principalId and the context the authorizer returned, as $context.authorizer holds them.
    public JsonObject? Authorizer { get; set; }

    /// <summary>The API key a Lambda authorizer returned as <c>usageIdentifierKey</c>, for an API whose key source is AUTHORIZER.</summary>
    public string? UsageIdentifierKey { get; set; }

    public JsonObject Integration => Method?["methodIntegration"] as JsonObject ?? [];

    public string IntegrationType => Integration["type"]?.GetValue<string>() ?? "MOCK";

    public bool IsProxy => IntegrationType is "HTTP_PROXY" or "AWS_PROXY";

    public string ResourcePath => Resource?["path"]?.GetValue<string>() ?? Request.Path;

    public string ResourceId => Resource?["id"]?.GetValue<string>() ?? string.Empty;

    // Set by the integration request step.
    public IntegrationRequest? IntegrationRequest { get; set; }

    // Set by the integration step.
    public InvokeResponse? IntegrationResponse { get; set; }

    public TimeSpan? IntegrationLatency { get; set; }

    // Set by the integration and method response steps.
    public InvokeResponse? Response { get; set; }

    /// <summary>The failure answered, for <c>$context.error.*</c> in gateway response templates and the access log.</summary>
    public GatewayResponseException? Error { get; set; }

    /// <summary>The request's <c>$context</c>, as templates, proxy events and the access log see it.</summary>
    public JsonObject Context() => ContextVariables.Build(this);
}
