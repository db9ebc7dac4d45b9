using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// Lambda TOKEN and REQUEST authorizers on invoke requests: the function (a local server speaking the
/// Runtime Interface Emulator's protocol) decides by the token; policy, 401/403, context and cache.
/// </summary>
public sealed class AuthorizerEnforcementTests : FunctionTestBase
{
    private const string FunctionUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
    private const string UsageKey = "authorizer-usage-key-0123456789";
    private const string ProxyUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations";

    private static readonly string MockApi = Api($$"""
          /orders:
        {{Mock("get", """{"principal": "$context.authorizer.principalId", "user": "$context.authorizer.user"}""")}}
          /lambda:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: "{{ProxyUri}}"
        """);

    private readonly ConcurrentQueue<JsonObject> events = new();

    protected override void ConfigureOptions(LocalGatewayOptions options)
    {
        options.Lambdas["auth"] = Function.Url;
        options.Lambdas["orders"] = Function.Url;
    }

    [Theory]
    [InlineData("no header", 401, """{"message":"Unauthorized"}""", "UnauthorizedException")]
    [InlineData("allow", 200, """{"principal": "user-allow", "user": "alice"}""", null)]
    [InlineData("deny", 403, """{"Message":"User is not authorized to access this resource with an explicit deny"}""", "AccessDeniedException")]
    [InlineData("other-resource", 403, """{"Message":"User is not authorized to access this resource"}""", "AccessDeniedException")]
    [InlineData("unauthorized", 401, """{"message":"Unauthorized"}""", "UnauthorizedException")]
    [InlineData("crash", 500, """{"message":null}""", "AuthorizerConfigurationException")]
    [InlineData("no-policy", 500, """{"message":null}""", "AuthorizerConfigurationException")]
    [InlineData("bad", 401, """{"message":"Unauthorized"}""", "UnauthorizedException")]
    public async Task A_token_authorizer_decides_by_its_policy(string token, int status, string body, string? errorType)
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization", identityValidationExpression = "^(?!bad).*$" });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: token == "no header" ? null : new Dictionary<string, string> { ["Authorization"] = token });

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Body);
        Assert.Equal(errorType, answer.Header("x-amzn-ErrorType"));
        var sent = events.Where(e => e["type"]?.ToString() == "TOKEN").ToList();
        Assert.Equal(token is "no header" or "bad" ? 0 : 1, sent.Count);
        if (sent.Count == 1)
        {
            Assert.Equal(token, sent[0]["authorizationToken"]!.GetValue<string>());
            Assert.Equal($"arn:aws:execute-api:us-east-1:000000000000:{apiId}/dev/GET/orders", sent[0]["methodArn"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_result_is_cached_for_the_ttl_and_its_policy_checked_per_method()
    {
        var apiId = await DeployAsync(MockApi);
        var authorizerId = await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization", authorizerResultTtlInSeconds = 300 });
        await MethodSetup.PatchAndRedeployAsync(Client, apiId, "/lambda", "GET", ("replace", "/authorizationType", "CUSTOM"), ("replace", "/authorizerId", authorizerId));
        var headers = new Dictionary<string, string> { ["Authorization"] = "orders-only" };

        var first = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        var second = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        var other = await CallAsync("GET", InvokeUrl(apiId, "/lambda"), headers: headers);

        Assert.Equal([200, 200, 403], new[] { first.Status, second.Status, other.Status });
        Assert.Single(events, e => e["type"]?.ToString() == "TOKEN");
    }

    [Fact]
    public async Task FlushStageAuthorizersCache_makes_the_next_request_call_the_function_again()
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization", authorizerResultTtlInSeconds = 300 });
        var headers = new Dictionary<string, string> { ["Authorization"] = "allow" };

        await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers); // from the cache
        await Client.InvokeAsync("FlushStageAuthorizersCache", new { restApiId = apiId, stageName = "dev" });
        var afterFlush = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);

        Assert.Equal(200, afterFlush.Status);
        Assert.Equal(2, events.Count(e => e["type"]?.ToString() == "TOKEN"));
    }

    [Fact]
    public async Task A_ttl_of_zero_calls_the_function_every_time()
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization", authorizerResultTtlInSeconds = 0 });
        var headers = new Dictionary<string, string> { ["Authorization"] = "allow" };

        await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);

        Assert.Equal(2, events.Count(e => e["type"]?.ToString() == "TOKEN"));
    }

    [Theory]
    [InlineData("both", 200)]
    [InlineData("no query", 401)]
    [InlineData("no header", 401)]
    public async Task A_request_authorizer_needs_every_identity_source_and_gets_the_request(string situation, int status)
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/orders", new { type = "REQUEST", identitySource = "method.request.header.X-Token, method.request.querystring.tenant" });
        var url = InvokeUrl(apiId, situation == "no query" ? "/orders" : "/orders?tenant=t1");
        var headers = situation == "no header" ? null : new Dictionary<string, string> { ["X-Token"] = "allow" };

        var answer = await CallAsync("GET", url, headers: headers);

        Assert.Equal(status, answer.Status);
        if (status == 200)
        {
            var sent = Assert.Single(events);
            Assert.Equal("REQUEST", sent["type"]!.GetValue<string>());
            Assert.Equal("allow", sent["headers"]!["X-Token"]!.GetValue<string>());
            Assert.Equal("t1", sent["queryStringParameters"]!["tenant"]!.GetValue<string>());
            Assert.Equal("/orders", sent["resource"]!.GetValue<string>());
            Assert.EndsWith("/dev/GET/orders", sent["methodArn"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_proxy_event_carries_principal_and_context()
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/lambda", new { type = "TOKEN", identitySource = "method.request.header.Authorization" });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/lambda"), headers: new Dictionary<string, string> { ["Authorization"] = "allow" });

        Assert.Equal(200, answer.Status);
        var proxy = Assert.Single(events, e => e["type"] is null);
        var authorizer = proxy["requestContext"]!["authorizer"]!;
        Assert.Equal("user-allow", authorizer["principalId"]!.GetValue<string>());
        Assert.Equal("alice", authorizer["user"]!.GetValue<string>());
        Assert.Equal("7", authorizer["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_authorizer_without_a_local_function_is_a_configuration_error()
    {
        var apiId = await DeployAsync(MockApi);
        await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization", authorizerUri = FunctionUri.Replace(":auth/", ":unknown/", StringComparison.Ordinal) });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: new Dictionary<string, string> { ["Authorization"] = "allow" });

        Assert.Equal(500, answer.Status);
        Assert.Equal("AuthorizerConfigurationException", answer.Header("x-amzn-ErrorType"));
        Assert.Contains("--lambda", LogText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keyed", 200)]
    [InlineData("allow", 403)]
    public async Task With_key_source_AUTHORIZER_the_authorizer_supplies_the_api_key(string token, int status)
    {
        var apiId = await DeployAsync(MockApi);
        await Client.InvokeAsync("UpdateRestApi", new { restApiId = apiId, patchOperations = new[] { new { op = "replace", path = "/apiKeySource", value = "AUTHORIZER" } } });
        await MethodSetup.PatchAndRedeployAsync(Client, apiId, "/orders", "GET", ("replace", "/apiKeyRequired", "true"));
        await UseAuthorizerAsync(apiId, "/orders", new { type = "TOKEN", identitySource = "method.request.header.Authorization" });
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner", value = UsageKey, enabled = true });
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId, stage = "dev" } } });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: new Dictionary<string, string> { ["Authorization"] = token, ["x-api-key"] = UsageKey });

        Assert.Equal(status, answer.Status);
    }

    private async Task<string> UseAuthorizerAsync(string apiId, string path, object settings)
    {
        var parameters = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(settings))!.AsObject();
        parameters["restApiId"] = apiId;
        parameters["name"] = "auth";
        parameters["authorizerUri"] ??= FunctionUri;
        var authorizer = await Client.InvokeAsync("CreateAuthorizer", parameters);
        await MethodSetup.PatchAndRedeployAsync(Client, apiId, path, "GET", ("replace", "/authorizationType", "CUSTOM"), ("replace", "/authorizerId", authorizer.Id));
        return authorizer.Id!;
    }

    // One function for both roles: an authorizer event has a "type", a proxy event has none.
    protected override async Task InvokeAsync(HttpContext context)
    {
        var @event = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        events.Enqueue(@event);
        if (@event["type"] is null)
        {
            await context.Response.WriteAsync("""{"statusCode": 200, "body": "proxied"}""");
            return;
        }

        var token = @event["authorizationToken"]?.ToString() ?? @event["headers"]?["X-Token"]?.ToString();
        var arn = @event["methodArn"]!.GetValue<string>();
        var (effect, resource) = token switch
        {
            "deny" => ("Deny", arn),
            "other-resource" => ("Allow", arn.Replace("/orders", "/elsewhere", StringComparison.Ordinal)),
            "orders-only" => ("Allow", arn[..(arn.IndexOf("/dev/", StringComparison.Ordinal) + 5)] + "*/orders"),
            _ => ("Allow", "*"),
        };
        if (token is "unauthorized" or "crash")
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            await context.Response.WriteAsync(token == "unauthorized" ? """{"errorMessage": "Unauthorized"}""" : """{"errorMessage": "boom", "errorType": "Error"}""");
            return;
        }

        var answer = new JsonObject
        {
            ["principalId"] = $"user-{token}",
            ["context"] = new JsonObject { ["user"] = "alice", ["level"] = 7 },
        };
        if (token == "keyed")
        {
            answer["usageIdentifierKey"] = UsageKey;
        }

        if (token != "no-policy")
        {
            answer["policyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject { ["Action"] = "execute-api:Invoke", ["Effect"] = effect, ["Resource"] = new JsonArray(resource) }),
            };
        }

        await context.Response.WriteAsync(answer.ToJsonString());
    }
}
