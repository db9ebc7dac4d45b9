using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane.Validation;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// The method request's validation by the method's request validator, before any integration runs:
/// with <c>validateRequestParameters</c> every required parameter must be present (400 "Missing
/// required request parameters: [a, b]"); with <c>validateRequestBody</c> the body must match the
/// model of its content type (400 "Invalid request body").
/// </summary>
internal sealed class MethodRequestStep : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.Method!;
        if (method["requestValidatorId"]?.ToString() is not { } validatorId)
        {
            return Task.CompletedTask;
        }

        var validator = ApiSettings.Find(invocation, "requestValidators", validatorId)
            ?? throw GatewayResponseException.ConfigurationError($"The method's request validator '{validatorId}' does not exist.");
        if (IsTrue(validator["validateRequestParameters"]))
        {
            CheckParameters(method, invocation);
        }

        if (IsTrue(validator["validateRequestBody"]))
        {
            CheckBody(method, invocation);
        }

        return Task.CompletedTask;
    }

    private static void CheckParameters(JsonObject method, Invocation invocation)
    {
        var missing = (method["requestParameters"] as JsonObject ?? [])
            .Where(p => IsTrue(p.Value) && ParameterMapping.Resolve(p.Key, invocation) is null)
            .Select(p => p.Key)
            .ToList();
        if (missing.Count > 0)
        {
            throw GatewayResponseException.BadRequestParameters(
                missing.Select(name => name[(name.LastIndexOf('.') + 1)..]), $"Request validation failed: missing required request parameters {string.Join(", ", missing)}");
        }
    }

    private static void CheckBody(JsonObject method, Invocation invocation)
    {
        var models = method["requestModels"] as JsonObject ?? [];
        if (models.Count == 0)
        {
            return;
        }

        var contentType = IntegrationRequestStep.MediaType(invocation.Request.ContentType) ?? "application/json";
        var modelName = (models.FirstOrDefault(m => string.Equals(m.Key, contentType, StringComparison.OrdinalIgnoreCase)).Value
            ?? models["$default"])?.ToString();
        if (modelName is null || Schema(invocation, modelName) is not { } schema)
        {
            return;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(Encoding.UTF8.GetString(invocation.Request.Body));
        }
        catch (JsonException ex)
        {
            throw GatewayResponseException.BadRequestBody($"Request body does not match model schema for content type {contentType}: the body is not JSON ({ex.Message})");
        }

        if (new JsonSchemaValidator(name => Schema(invocation, name)).Check(body, schema) is { } error)
        {
            throw GatewayResponseException.BadRequestBody($"Request body does not match model schema for content type {contentType}: [{error}]");
        }
    }

    // A model's schema is stored as text; one that is not a JSON object validates nothing (the control plane refused such models).
    private static JsonObject? Schema(Invocation invocation, string modelName)
    {
        if (invocation.Api["models"]?[modelName]?["schema"]?.ToString() is not { } text)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;
}
