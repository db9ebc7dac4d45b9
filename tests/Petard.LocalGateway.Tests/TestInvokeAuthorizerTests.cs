using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Local.Tests.DataPlane;

namespace Petard.Local.Tests;

/// <summary>TestInvokeAuthorizer calling a local authorizer function through the <c>--lambda</c> mapping.</summary>
public sealed class TestInvokeAuthorizerTests : GatewayTestBase
{
    private const string AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    private readonly ConcurrentQueue<JsonObject> events = new();
    private TestServer? function;
    private string apiId = string.Empty;

    protected override LocalGatewayOptions Options
    {
        get
        {
            var options = new LocalGatewayOptions();
            options.Lambdas["auth"] = function!.Url;
            return options;
        }
    }

    public override async Task InitializeAsync()
    {
        function = await TestServer.StartAsync(AuthorizeAsync);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (function is not null)
        {
            await function.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_authorizer_gets_the_token_and_the_method_arn_and_its_policy_is_answered()
    {
        var authorizerId = await CreateAuthorizerAsync("TOKEN", "method.request.header.Authorization");

        var allowed = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId, headers = new Dictionary<string, string> { ["Authorization"] = "allow" } });
        Assert.Equal(200, allowed["clientStatus"].GetInt32());
        Assert.Equal("user-1", allowed.GetString("principalId"));
        Assert.Equal("Allow", JsonNode.Parse(allowed.GetString("policy")!)!["Statement"]![0]!["Effect"]!.GetValue<string>());
        var sent = Assert.Single(events);
        Assert.Equal("TOKEN", sent["type"]!.GetValue<string>());
        Assert.Equal("allow", sent["authorizationToken"]!.GetValue<string>());
        Assert.StartsWith($"arn:aws:execute-api:us-east-1:123456789012:{apiId}/", sent["methodArn"]!.GetValue<string>(), StringComparison.Ordinal);

        var denied = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId, headers = new Dictionary<string, string> { ["Authorization"] = "unauthorized" } });
        Assert.Equal(401, denied["clientStatus"].GetInt32());
        var broken = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId, headers = new Dictionary<string, string> { ["Authorization"] = "garbage" } });
        Assert.Equal(500, broken["clientStatus"].GetInt32());
        Assert.Contains("Invalid JSON in response", broken.GetString("log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_authorizer_without_its_query_identity_answers_401_without_calling_the_function()
    {
        var authorizerId = await CreateAuthorizerAsync("REQUEST", "method.request.querystring.token");

        var missing = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId, pathWithQueryString = "/orders" });
        Assert.Equal(401, missing["clientStatus"].GetInt32());
        Assert.Empty(events);

        var present = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId, pathWithQueryString = "/orders?token=allow" });
        Assert.Equal(200, present["clientStatus"].GetInt32());
        Assert.Equal("allow", Assert.Single(events)["queryStringParameters"]!["token"]!.GetValue<string>());
    }

    private async Task<string> CreateAuthorizerAsync(string type, string identitySource)
    {
        apiId = await CreateApiAsync();
        return (await Client.InvokeAsync("CreateAuthorizer", new { restApiId = apiId, name = "auth", type, authorizerUri = AuthorizerUri, identitySource })).Id!;
    }

    // Allows "allow", refuses "unauthorized" the way a Lambda authorizer does, and answers nonsense otherwise.
    private async Task AuthorizeAsync(HttpContext context)
    {
        var @event = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        events.Enqueue(@event);
        var identity = @event["authorizationToken"]?.GetValue<string>() ?? @event["queryStringParameters"]?["token"]?.GetValue<string>();
        switch (identity)
        {
            case "allow":
                await context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    principalId = "user-1",
                    policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = @event["methodArn"]!.GetValue<string>() } } },
                    context = new { tier = "gold" },
                }));
                break;
            case "unauthorized":
                context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
                await context.Response.WriteAsync("{\"errorMessage\":\"Unauthorized\"}");
                break;
            default:
                await context.Response.WriteAsync("{\"nonsense\":true}");
                break;
        }
    }
}
