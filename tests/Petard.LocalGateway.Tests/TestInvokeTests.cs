namespace Petard.Local.Tests;

/// <summary>TestInvokeMethod through the data plane's steps, against undeployed resources; and GetModelTemplate.</summary>
public sealed class TestInvokeTests : GatewayTestBase
{
    [Fact]
    public async Task TestInvokeMethod_runs_a_mock_integration_without_a_deployment()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("UpdateIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "add", path = "/requestTemplates/application~1json", value = "{\"statusCode\": 200}" } } });
        await Client.InvokeAsync("PutMethodResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200" });
        await Client.InvokeAsync("PutIntegrationResponse", new
        {
            restApiId = apiId,
            resourceId = rootId,
            httpMethod = "GET",
            statusCode = "200",
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"greeting\": \"hello $input.params('name')\"}" },
        });

        var result = await Client.InvokeAsync("TestInvokeMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", pathWithQueryString = "/?name=pat" });
        Assert.Equal(200, result["status"].GetInt32());
        Assert.Equal("{\"greeting\": \"hello pat\"}", result.GetString("body"));
        var log = result.GetString("log")!;
        Assert.Contains(" : Method request query string: {name=pat}", log, StringComparison.Ordinal);
        Assert.Contains(" : Successfully completed execution", log, StringComparison.Ordinal);
        Assert.EndsWith(" : Method completed with status: 200\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestInvokeMethod_on_a_method_that_does_not_exist_is_NotFound()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("TestInvokeMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "POST" }));
        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal("Invalid Method identifier specified", error.ServiceMessage);

        var noApi = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("TestInvokeMethod", new { restApiId = "nope000000", resourceId = rootId, httpMethod = "GET" }));
        Assert.Equal("Invalid Resource identifier specified", noApi.ServiceMessage);
    }

    [Fact]
    public async Task GetModelTemplate_maps_each_property_of_the_schema()
    {
        var apiId = await CreateApiAsync();
        await Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Pet", contentType = "application/json", schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}" });
        var template = (await Client.InvokeAsync("GetModelTemplate", new { restApiId = apiId, modelName = "Pet" })).GetString("value")!;
        Assert.StartsWith("#set($inputRoot = $input.path('$'))", template, StringComparison.Ordinal);
        Assert.Contains("\"name\" : \"$inputRoot.name\"", template, StringComparison.Ordinal);
        Assert.Contains("\"age\" : $inputRoot.age", template, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetModelTemplate", new { restApiId = apiId, modelName = "Cat" }));
        Assert.Equal("NotFoundException", missing.ErrorType);
    }
}
