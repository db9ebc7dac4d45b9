using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// Methods, integrations and their responses, stored inside the resource as the service embeds
/// them: <c>resourceMethods.{GET}.methodIntegration.integrationResponses.{200}</c>.
/// </summary>
internal static class MethodOperations
{
    private static readonly string NoMethod = ServiceErrors.Message("methodNotFound");
    private static readonly string NoIntegration = ServiceErrors.Message("integrationNotFound");
    private static readonly string NoResponse = ServiceErrors.Message("responseStatusNotFound");

    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

    private static readonly PatchRules MethodRules = PatchRules.For("method");

    private static readonly PatchRules IntegrationRules = PatchRules.For("integration").Validate(Validation.IntegrationChecks.Check);

    private static readonly PatchRules MethodResponseRules = PatchRules.For("methodResponse");

    private static readonly PatchRules IntegrationResponseRules = PatchRules.For("integrationResponse");

    public static void Register(OperationTable table)
    {
        table.Add("PutMethod", PutMethod);
        table.Add("GetMethod", (input, state) => Method(state, input).DeepClone().AsObject());
        table.Add("UpdateMethod", (input, state) => Patch(input, Methods(state, input), input.Required("httpMethod"), MethodRules, NoMethod));
        table.Add("DeleteMethod", (input, state) => Stored.Remove(Methods(state, input), input.Required("httpMethod"), NoMethod));

        table.Add("PutIntegration", PutIntegration);
        table.Add("GetIntegration", (input, state) => Integration(state, input).DeepClone().AsObject());
        table.Add("UpdateIntegration", (input, state) => Patch(input, Method(state, input), "methodIntegration", IntegrationRules, NoIntegration));
        table.Add("DeleteIntegration", (input, state) => Stored.Remove(Method(state, input), "methodIntegration", NoIntegration));

        table.Add("PutMethodResponse", PutMethodResponse);
        table.Add("GetMethodResponse", (input, state) => Stored.Child(GatewayState.Collection(Method(state, input), "methodResponses"), input.Required("statusCode"), NoResponse).DeepClone().AsObject());
        table.Add("UpdateMethodResponse", (input, state) => Patch(input, GatewayState.Collection(Method(state, input), "methodResponses"), input.Required("statusCode"), MethodResponseRules, NoResponse));
        table.Add("DeleteMethodResponse", (input, state) => Stored.Remove(GatewayState.Collection(Method(state, input), "methodResponses"), input.Required("statusCode"), NoResponse));

        table.Add("PutIntegrationResponse", PutIntegrationResponse);
        table.Add("GetIntegrationResponse", (input, state) => Stored.Child(GatewayState.Collection(Integration(state, input), "integrationResponses"), input.Required("statusCode"), NoResponse).DeepClone().AsObject());
        table.Add("UpdateIntegrationResponse", (input, state) => Patch(input, GatewayState.Collection(Integration(state, input), "integrationResponses"), input.Required("statusCode"), IntegrationResponseRules, NoResponse));
        table.Add("DeleteIntegrationResponse", (input, state) => Stored.Remove(GatewayState.Collection(Integration(state, input), "integrationResponses"), input.Required("statusCode"), NoResponse));
    }

    private static JsonObject Methods(GatewayState state, OperationInput input)
    {
        var resource = ResourceTree.Get(state.RestApi(input.Required("restApiId")), input.Required("resourceId"));
        return GatewayState.Collection(resource, "resourceMethods");
    }

    private static JsonObject Method(GatewayState state, OperationInput input) =>
        Stored.Child(Methods(state, input), input.Required("httpMethod"), NoMethod);

    private static JsonObject Integration(GatewayState state, OperationInput input) =>
        Stored.Child(Method(state, input), "methodIntegration", NoIntegration);

    // A missing target answers the same NotFound as its Get does (the service words them alike).
    private static OperationResult Patch(OperationInput input, JsonObject parent, string name, PatchRules rules, string notFound)
    {
        var updated = rules.Apply(Stored.Child(parent, name, notFound), PatchOperation.Read(input));
        parent[name] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult PutMethod(OperationInput input, GatewayState state)
    {
        var httpMethod = input.Required("httpMethod");
        if (!HttpMethods.Contains(httpMethod))
        {
            throw GatewayException.BadRequest($"Invalid HttpMethod specified: '{httpMethod}'. Use one of {string.Join(", ", HttpMethods)}.");
        }

        var methods = Methods(state, input);
        if (methods.ContainsKey(httpMethod))
        {
            throw GatewayException.Conflict("Method already exists for this resource");
        }

        var method = new JsonObject
        {
            ["httpMethod"] = httpMethod,
            ["authorizationType"] = input.Required("authorizationType"),
            ["apiKeyRequired"] = input.Bool("apiKeyRequired") ?? false,
        };
        Stored.Copy(input, method, "authorizerId", "operationName", "requestParameters", "requestModels", "requestValidatorId", "authorizationScopes");
        methods[httpMethod] = method;
        return method.DeepClone().AsObject();
    }

    private static OperationResult PutIntegration(OperationInput input, GatewayState state)
    {
        var method = Method(state, input);
        var type = input.Required("type");
        var integration = new JsonObject
        {
            ["type"] = type,
            ["passthroughBehavior"] = input.String("passthroughBehavior") ?? "WHEN_NO_MATCH",
            ["timeoutInMillis"] = input.Int("timeoutInMillis") ?? 29000,
            ["cacheNamespace"] = input.String("cacheNamespace") ?? input.Required("resourceId"),
            ["cacheKeyParameters"] = input.Node("cacheKeyParameters")?.DeepClone() ?? new JsonArray(),
        };
        if (input.String("integrationHttpMethod") is { } integrationHttpMethod)
        {
            integration["httpMethod"] = integrationHttpMethod;
        }

        Stored.Copy(input, integration, "uri", "connectionType", "connectionId", "credentials", "requestParameters", "requestTemplates", "contentHandling", "tlsConfig");
        Validation.IntegrationChecks.Check(integration);
        method["methodIntegration"] = integration;
        return integration.DeepClone().AsObject();
    }

    private static OperationResult PutMethodResponse(OperationInput input, GatewayState state)
    {
        var statusCode = StatusCode(input);
        var response = new JsonObject { ["statusCode"] = statusCode };
        Stored.Copy(input, response, "responseParameters", "responseModels");
        GatewayState.Collection(Method(state, input), "methodResponses")[statusCode] = response;
        return response.DeepClone().AsObject();
    }

    private static OperationResult PutIntegrationResponse(OperationInput input, GatewayState state)
    {
        var statusCode = StatusCode(input);
        Stored.Child(GatewayState.Collection(Method(state, input), "methodResponses"), statusCode, NoResponse);
        var response = new JsonObject { ["statusCode"] = statusCode };
        Stored.Copy(input, response, "selectionPattern", "responseParameters", "responseTemplates", "contentHandling");
        GatewayState.Collection(Integration(state, input), "integrationResponses")[statusCode] = response;
        return response.DeepClone().AsObject();
    }

    private static string StatusCode(OperationInput input)
    {
        var statusCode = input.Required("statusCode");
        if (statusCode.Length != 3 || statusCode[0] is < '1' or > '5' || !statusCode.All(char.IsAsciiDigit))
        {
            throw GatewayException.BadRequest($"Invalid status code '{statusCode}': use a three-digit HTTP status such as 200.");
        }

        return statusCode;
    }
}
