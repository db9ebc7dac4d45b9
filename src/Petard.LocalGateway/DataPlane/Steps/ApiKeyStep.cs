using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// The API key check of a method with <c>apiKeyRequired</c>: the <c>x-api-key</c> header (or, for
/// an API whose <c>apiKeySource</c> is AUTHORIZER, the authorizer's <c>usageIdentifierKey</c>) must be
/// the value of an enabled key that belongs to a usage plan covering this stage; otherwise
/// <c>403 Forbidden</c>, as the service answers.
/// </summary>
internal sealed class ApiKeyStep(GatewayState state) : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Method!["apiKeyRequired"] is not JsonValue required || !required.TryGetValue(out bool isRequired) || !isRequired)
        {
            return Task.CompletedTask;
        }

        var request = invocation.Request;
        var value = invocation.ApiKeySource == "AUTHORIZER"
            ? invocation.UsageIdentifierKey ?? throw InvalidKey("the API's key source is AUTHORIZER and the method's authorizer returned no usageIdentifierKey")
            : request.Header("x-api-key") ?? throw InvalidKey("the request has no x-api-key header");
        lock (state.Gate)
        {
            var key = state.ApiKeys.Select(k => k.Value).OfType<JsonObject>().FirstOrDefault(k => k["value"]?.ToString() == value)
                ?? throw InvalidKey("no API key has the x-api-key value");
            var keyId = key["id"]!.ToString();
            if (key["enabled"] is not JsonValue enabled || !enabled.TryGetValue(out bool isEnabled) || !isEnabled)
            {
                throw InvalidKey($"API key {keyId} is disabled");
            }

            var plan = state.UsagePlans.Select(p => p.Value).OfType<JsonObject>().FirstOrDefault(p =>
                    (p["keys"] as JsonObject)?.ContainsKey(keyId) == true
                    && (p["plan"]?["apiStages"] as JsonArray ?? []).Any(s => s?["apiId"]?.ToString() == request.RestApiId && s["stage"]?.ToString() == request.Stage))
                ?? throw InvalidKey($"API key {keyId} is in no usage plan of stage {request.Stage} of REST API {request.RestApiId}");
            invocation.ApiKeyId = keyId;
            invocation.UsagePlan = (JsonObject)plan["plan"]!.DeepClone();
        }

        return Task.CompletedTask;
    }

    private static GatewayResponseException InvalidKey(string detail) => new("INVALID_API_KEY", 403, "Forbidden", detail);
}
