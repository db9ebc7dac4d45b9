namespace Petard.Local.Tests.DataPlane;

/// <summary>Customized gateway responses shape every failure of the data plane: status, headers, template; DEFAULT_4XX/5XX as fallback.</summary>
public sealed class GatewayResponseEnforcementTests : DataPlaneTestBase
{
    private static readonly string OrdersApi = Api($"""
          /orders:
        {Mock("get", """{"ok": true}""")}
        """);

    [Fact]
    public async Task A_customized_response_applies_from_the_next_deployment()
    {
        var apiId = await DeployAsync(OrdersApi);
        await Client.InvokeAsync("PutGatewayResponse", new { restApiId = apiId, responseType = "MISSING_AUTHENTICATION_TOKEN", statusCode = "404" });

        var before = await CallAsync("GET", InvokeUrl(apiId, "/nowhere"));
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        var after = await CallAsync("GET", InvokeUrl(apiId, "/nowhere"));

        Assert.Equal([403, 404], new[] { before.Status, after.Status });
    }

    [Theory]
    [InlineData("MISSING_AUTHENTICATION_TOKEN", "MISSING_AUTHENTICATION_TOKEN", 404, """{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN"}""")]
    [InlineData("DEFAULT_4XX", "MISSING_AUTHENTICATION_TOKEN", 404, """{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN"}""")]
    [InlineData("DEFAULT_5XX", "MISSING_AUTHENTICATION_TOKEN", 403, """{"message":"Missing Authentication Token"}""")]
    [InlineData("BAD_REQUEST_PARAMETERS", "BAD_REQUEST_PARAMETERS", 404, """{"error":"Missing required request parameters: [q]","type":"BAD_REQUEST_PARAMETERS"}""")]
    [InlineData("DEFAULT_4XX", "BAD_REQUEST_PARAMETERS", 404, """{"error":"Missing required request parameters: [q]","type":"BAD_REQUEST_PARAMETERS"}""")]
    [InlineData("DEFAULT_5XX", "API_CONFIGURATION_ERROR", 404, """{"error":"Internal server error","type":"API_CONFIGURATION_ERROR"}""")]
    [InlineData("DEFAULT_4XX", "API_CONFIGURATION_ERROR", 500, """{"message":"Internal server error"}""")]
    public async Task A_customized_response_shapes_the_failure(string customized, string failure, int status, string body)
    {
        var apiId = await DeployAsync(OrdersApi);
        await Client.InvokeAsync("PutGatewayResponse", new
        {
            restApiId = apiId,
            responseType = customized,
            statusCode = "404",
            responseParameters = new Dictionary<string, string>
            {
                ["gatewayresponse.header.Access-Control-Allow-Origin"] = "'*'",
                ["gatewayresponse.header.X-Stage"] = "context.stage",
            },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"error":$context.error.messageString,"type":"$context.error.responseType"}""" },
        });
        var path = "/orders";
        if (failure == "BAD_REQUEST_PARAMETERS")
        {
            var validator = await Client.InvokeAsync("CreateRequestValidator", new { restApiId = apiId, name = "params", validateRequestParameters = true });
            await MethodSetup.PatchAndRedeployAsync(Client, apiId, "/orders", "GET", ("replace", "/requestValidatorId", validator.Id), ("add", "/requestParameters/method.request.querystring.q", "true"));
        }
        else if (failure == "API_CONFIGURATION_ERROR")
        {
            // The only integration response no longer matches: "No match for output mapping", a 500.
            var resources = await Client.InvokeAsync("GetResources", new { restApiId = apiId });
            await Client.InvokeAsync("UpdateIntegrationResponse", new
            {
                restApiId = apiId,
                resourceId = resources.Items.Single(r => r.GetString("path") == "/orders").Id,
                httpMethod = "GET",
                statusCode = "200",
                patchOperations = new[] { new { op = "replace", path = "/selectionPattern", value = "999" } },
            });
            await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        }
        else
        {
            path = "/nowhere";
            await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        }

        var answer = await CallAsync("GET", InvokeUrl(apiId, path));

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Body);
        Assert.Equal(status == 404 ? "*" : null, answer.Header("Access-Control-Allow-Origin"));
        Assert.Equal(status == 404 ? "dev" : null, answer.Header("X-Stage"));
        Assert.NotNull(answer.Header("x-amzn-ErrorType"));
    }
}
