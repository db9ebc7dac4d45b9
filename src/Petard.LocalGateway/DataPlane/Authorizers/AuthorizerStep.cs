using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.DataPlane.Integrations;
using Petard.Local.DataPlane.Steps;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>
/// The method's Lambda authorizer (<c>authorizationType: CUSTOM</c>): reads the identity sources
/// (missing: 401 Unauthorized), calls the TOKEN or REQUEST function through the <c>--lambda</c>
/// mapping (or takes its cached result), evaluates the returned policy against the method ARN
/// (403 when it does not allow it) and passes principalId and context on to the integration. A
/// Cognito authorizer verifies the token against the pool's JWKS and passes its claims on.
/// </summary>
internal sealed class AuthorizerStep(AuthorizerFunctionInvoker functions, AuthorizerCache cache, CognitoTokenVerifier cognito, string region) : IInvocationStep
{
    private const int DefaultTtlSeconds = 300;

    public async Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.Method!;
        var authorizationType = method["authorizationType"]?.ToString();
        if (authorizationType is not ("CUSTOM" or "COGNITO_USER_POOLS"))
        {
            return;
        }

        var authorizer = ApiSettings.Find(invocation, "authorizers", method["authorizerId"]?.ToString())
            ?? throw GatewayResponseException.AuthorizerConfigurationError($"The method's authorizer '{method["authorizerId"]}' does not exist.");
        var name = authorizer["name"]?.ToString();
        var type = authorizer["type"]?.ToString();
        var identities = AuthorizerIdentity.Read(authorizer, invocation);
        if (identities.FirstOrDefault(i => string.IsNullOrEmpty(i.Value)) is { Source: { } missing })
        {
            throw GatewayResponseException.Unauthorized($"Authorizer {name}: the identity source {missing} is missing or empty.");
        }

        var token = identities.FirstOrDefault().Value ?? string.Empty;
        if (type is "TOKEN" or "COGNITO_USER_POOLS" && authorizer["identityValidationExpression"]?.ToString() is { Length: > 0 } expression
            && !Regex.IsMatch(token, "^(?:" + expression + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw GatewayResponseException.Unauthorized($"Authorizer {name}: the token does not match the identity validation expression {expression}.");
        }

        if (type == "COGNITO_USER_POOLS")
        {
            var claims = cognito.Verify(authorizer, token, method["authorizationScopes"] as JsonArray);
            invocation.Authorizer = new JsonObject { ["claims"] = CognitoTokenVerifier.AsStrings(claims) };
            return;
        }

        var methodArn = MethodArn(invocation);
        var key = AuthorizerCache.Key(invocation.Request.RestApiId, invocation.Request.Stage, authorizer["id"]?.ToString(), identities.Select(i => i.Value));
        var result = cache.Find(key);
        if (result is null)
        {
            result = await CallAsync(authorizer, Event(type, token, methodArn, invocation), cancellationToken).ConfigureAwait(false);
            cache.Add(key, authorizer["authorizerResultTtlInSeconds"]?.GetValue<int>() ?? DefaultTtlSeconds, result);
        }

        var decision = AuthorizerPolicy.Evaluate(result.Policy, methodArn);
        if (decision != AuthorizerPolicy.Decision.Allow)
        {
            throw GatewayResponseException.AuthorizerDenied(decision == AuthorizerPolicy.Decision.ExplicitDeny, $"Authorizer {name}: the policy of {result.PrincipalId} does not allow {methodArn}.");
        }

        var passed = new JsonObject { ["principalId"] = result.PrincipalId };
        foreach (var (entry, value) in result.Context)
        {
            passed[entry] = value?.DeepClone();
        }

        invocation.Authorizer = passed;
        invocation.UsageIdentifierKey = result.UsageIdentifierKey;
    }

    /// <summary><c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH</c>, the path as requested.</summary>
    private string MethodArn(Invocation invocation)
    {
        var request = invocation.Request;
        return $"arn:aws:execute-api:{region}:{ContextVariables.AccountId}:{request.RestApiId}/{request.Stage}/{request.HttpMethod}{request.Path}";
    }

    private static JsonObject Event(string? type, string token, string methodArn, Invocation invocation)
    {
        if (type == "TOKEN")
        {
            return new JsonObject { ["type"] = "TOKEN", ["authorizationToken"] = token, ["methodArn"] = methodArn };
        }

        // The proxy event's request fields, without the body, as the service sends a REQUEST authorizer.
        var @event = ProxyEvent.Build(invocation, binaryBody: false);
        @event.Remove("body");
        @event.Remove("isBase64Encoded");
        @event["type"] = "REQUEST";
        @event["methodArn"] = methodArn;
        return @event;
    }

    private async Task<AuthorizerResult> CallAsync(JsonObject authorizer, JsonObject @event, CancellationToken cancellationToken)
    {
        var name = authorizer["name"]?.ToString();
        var uri = authorizer["authorizerUri"]?.ToString() ?? string.Empty;
        InvokeResponse answer;
        try
        {
            answer = await functions.InvokeAsync(uri, @event, cancellationToken).ConfigureAwait(false)
                ?? throw GatewayResponseException.AuthorizerConfigurationError(
                    $"Authorizer {name}: no local function for '{uri}'. Start Petard.LocalGateway with --lambda NAME=URL (or set LocalGatewayOptions.Lambdas).");
        }
        catch (GatewayResponseException error) when (error.ResponseType is not "AUTHORIZER_CONFIGURATION_ERROR")
        {
            throw GatewayResponseException.AuthorizerFailure($"Authorizer {name}: {error.Detail ?? error.ResponseMessage}");
        }

        var text = Encoding.UTF8.GetString(answer.Body);
        var body = Parse(text);
        if (answer.StatusCode != 200 || answer.Header("X-Amz-Function-Error") is not null)
        {
            // The service's convention: a function that fails with "Unauthorized" denies with 401.
            throw body?["errorMessage"]?.ToString() == "Unauthorized"
                ? GatewayResponseException.Unauthorized($"Authorizer {name} answered Unauthorized.")
                : GatewayResponseException.AuthorizerFailure($"Authorizer {name}: the function failed: {text}");
        }

        if (body?["principalId"] is not JsonValue principal || body["policyDocument"] is not JsonObject policy)
        {
            throw GatewayResponseException.AuthorizerConfigurationError($"Authorizer {name}: Invalid JSON in response (it needs principalId and policyDocument): {text}");
        }

        var context = new JsonObject();
        foreach (var (entry, value) in body["context"] as JsonObject ?? [])
        {
            // The service passes strings, numbers and booleans only, each as a string to a proxy event.
            if (value is not JsonValue scalar)
            {
                throw GatewayResponseException.AuthorizerConfigurationError($"Authorizer {name}: the context value '{entry}' is not a string, number or boolean.");
            }

            context[entry] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        }

        return new AuthorizerResult(principal.ToString(), policy, context, body["usageIdentifierKey"]?.ToString());
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
