using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane;
using Petard.Local.DataPlane.Authorizers;
using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>
/// TestInvokeAuthorizer: reads the identity as the service does (missing: 401, not matching the
/// validation expression: 401), then calls a TOKEN or REQUEST authorizer's function through the
/// <c>--lambda</c> mapping and answers its principal and policy; a Cognito token is verified against
/// the pool's <c>--cognito-jwks</c> file and its claims answered.
/// </summary>
internal static class TestInvokeAuthorizerOperations
{
    private const string QuerySource = "method.request.querystring.";

    public static void Register(OperationTable table, AuthorizerFunctionInvoker? functions, CognitoTokenVerifier? cognito) =>
        table.AddAsync("TestInvokeAuthorizer", (input, state, cancellationToken) => TestInvokeAsync(input, state, functions, cognito, cancellationToken));

    private static async Task<OperationResult> TestInvokeAsync(OperationInput input, State.GatewayState state, AuthorizerFunctionInvoker? functions, CognitoTokenVerifier? cognito, CancellationToken cancellationToken)
    {
        var restApiId = input.Required("restApiId");
        JsonObject authorizer;
        lock (state.Gate)
        {
            authorizer = (JsonObject)AuthorizerOperations.Get(state.RestApi(restApiId), input.Required("authorizerId")).DeepClone();
        }

        var clock = Stopwatch.StartNew();
        var name = authorizer["name"]!.GetValue<string>();
        var type = authorizer["type"]!.GetValue<string>();
        var headers = input.Map("headers") ?? [];
        var request = PathWithQuery.Parse(input.String("pathWithQueryString") ?? "/");
        var sources = (authorizer["identitySource"]?.GetValue<string>() ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var identities = sources.Select(source => (Source: source, Value: Identity(source, headers, request, input.Map("stageVariables")))).ToList();
        if (identities.FirstOrDefault(i => string.IsNullOrEmpty(i.Value)) is { Source: { } missing })
        {
            return Result(401, clock, $"Execution log for authorizer {name}: the identity source {missing} is missing or empty: Unauthorized.");
        }

        var token = identities.FirstOrDefault().Value ?? string.Empty;
        if (type == "TOKEN" && authorizer["identityValidationExpression"]?.GetValue<string>() is { Length: > 0 } expression
            && !System.Text.RegularExpressions.Regex.IsMatch(token, "^(?:" + expression + ")$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return Result(401, clock, $"Execution log for authorizer {name}: the token does not match the identity validation expression {expression}: Unauthorized.");
        }

        if (type == "COGNITO_USER_POOLS")
        {
            return Cognito(authorizer, token, cognito, clock);
        }

        var uri = authorizer["authorizerUri"]?.GetValue<string>() ?? string.Empty;
        var methodArn = $"arn:aws:execute-api:us-east-1:123456789012:{restApiId}/ESTestInvoke-stage/GET{request.Path}";
        var @event = type == "TOKEN"
            ? new JsonObject { ["type"] = "TOKEN", ["authorizationToken"] = token, ["methodArn"] = methodArn }
            : new JsonObject
            {
                ["type"] = "REQUEST",
                ["methodArn"] = methodArn,
                ["path"] = request.Path,
                ["httpMethod"] = "GET",
                ["headers"] = headers.DeepClone(),
                ["queryStringParameters"] = new JsonObject(request.Query.GroupBy(q => q.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Last().Value))),
                ["pathParameters"] = new JsonObject(),
                ["stageVariables"] = input.Map("stageVariables")?.DeepClone() ?? new JsonObject(),
                ["requestContext"] = new JsonObject { ["stage"] = "test-invoke-stage", ["apiId"] = restApiId, ["httpMethod"] = "GET" },
            };

        InvokeResponse? answer;
        try
        {
            answer = functions is null ? null : await functions.InvokeAsync(uri, @event, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayResponseException error)
        {
            return Result(500, clock, $"Execution log for authorizer {name}: Execution failed due to configuration error: {error.Detail ?? error.ResponseMessage}");
        }

        if (answer is null)
        {
            return Result(500, clock, $"Execution log for authorizer {name}: Execution failed due to configuration error: no local function for '{uri}'. Start Petard.LocalGateway with --lambda NAME=URL (or set LocalGatewayOptions.Lambdas).");
        }

        return Interpret(name, answer, clock);
    }

    private static JsonObject Cognito(JsonObject authorizer, string token, CognitoTokenVerifier? cognito, Stopwatch clock)
    {
        var name = authorizer["name"]!.GetValue<string>();
        try
        {
            var claims = cognito?.Verify(authorizer, token, scopes: null)
                ?? throw GatewayResponseException.AuthorizerConfigurationError("this operation table was built without the data plane");
            var result = Result(200, clock, $"Execution log for authorizer {name}: the token's signature, issuer and expiry are valid.");
            result["claims"] = CognitoTokenVerifier.AsStrings(claims);
            return result;
        }
        catch (GatewayResponseException error)
        {
            return Result(error.StatusCode, clock, $"Execution log for authorizer {name}: {error.Detail ?? error.ResponseMessage}");
        }
    }

    private static string? Identity(string source, JsonObject headers, PathWithQuery request, JsonObject? stageVariables) => source switch
    {
        _ when source.StartsWith(AuthorizerOperations.HeaderSource, StringComparison.Ordinal) =>
            headers.FirstOrDefault(h => string.Equals(h.Key, source[AuthorizerOperations.HeaderSource.Length..], StringComparison.OrdinalIgnoreCase)).Value?.ToString(),
        _ when source.StartsWith(QuerySource, StringComparison.Ordinal) =>
            request.Query.LastOrDefault(q => q.Key == source[QuerySource.Length..]).Value,
        _ when source.StartsWith("stageVariables.", StringComparison.Ordinal) => stageVariables?[source["stageVariables.".Length..]]?.ToString(),
        _ => "present", // context variables are always there on a test invoke
    };

    // The function's answer as the service reads it: "Unauthorized" is a 401; a principal and a policy are a 200.
    private static OperationResult Interpret(string name, InvokeResponse answer, Stopwatch clock)
    {
        var text = Encoding.UTF8.GetString(answer.Body);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (answer.StatusCode != 200 || answer.Header("X-Amz-Function-Error") is not null)
        {
            var unauthorized = body?["errorMessage"]?.ToString() == "Unauthorized";
            return Result(unauthorized ? 401 : 500, clock, $"Execution log for authorizer {name}: the function answered an error: {text}");
        }

        if (body?["principalId"] is not JsonValue principal || body["policyDocument"] is not JsonObject policy)
        {
            return Result(500, clock, $"Execution log for authorizer {name}: Execution failed due to configuration error: Invalid JSON in response: {text}");
        }

        var result = Result(200, clock, $"Execution log for authorizer {name}: Authorizer result: {text}");
        result["principalId"] = principal.ToString();
        result["policy"] = policy.ToJsonString();
        if (body["context"] is JsonObject context)
        {
            result["authorization"] = new JsonObject(context.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonArray(c.Value?.ToString() ?? string.Empty))));
        }

        return result;
    }

    private static JsonObject Result(int clientStatus, Stopwatch clock, string log) => new()
    {
        ["clientStatus"] = clientStatus,
        ["log"] = log,
        ["latency"] = clock.ElapsedMilliseconds,
    };
}
