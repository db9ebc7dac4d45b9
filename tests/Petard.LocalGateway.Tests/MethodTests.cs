using System.Net;

namespace Petard.Local.Tests;

public sealed class MethodTests : GatewayTestBase
{
    [Fact]
    public async Task Resources_can_be_created_read_renamed_and_deleted_with_their_children()
    {
        var apiId = await CreateApiAsync();
        var rootId = (await Client.InvokeAsync("GetResources", new { restApiId = apiId })).Items.Single().Id;
        var pets = await Client.InvokeAsync("CreateResource", new { restApiId = apiId, parentId = rootId, pathPart = "pets" });
        var pet = await Client.InvokeAsync("CreateResource", new { restApiId = apiId, parentId = pets.Id, pathPart = "{petId}" });
        Assert.Equal(HttpStatusCode.Created, pet.StatusCode);
        Assert.Equal("/pets/{petId}", pet.GetString("path"));

        var duplicate = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateResource", new { restApiId = apiId, parentId = rootId, pathPart = "pets" }));
        Assert.Equal("ConflictException", duplicate.ErrorType);
        var badPart = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateResource", new { restApiId = apiId, parentId = rootId, pathPart = "a b" }));
        Assert.Equal("BadRequestException", badPart.ErrorType);

        var renamed = await Client.InvokeAsync("UpdateResource", new { restApiId = apiId, resourceId = pets.Id, patchOperations = new[] { new { op = "replace", path = "/pathPart", value = "animals" } } });
        Assert.Equal("/animals", renamed.GetString("path"));
        Assert.Equal("/animals/{petId}", (await Client.InvokeAsync("GetResource", new { restApiId = apiId, resourceId = pet.Id })).GetString("path"));

        var cycle = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateResource", new { restApiId = apiId, resourceId = pets.Id, patchOperations = new[] { new { op = "replace", path = "/parentId", value = pet.Id } } }));
        Assert.Equal("BadRequestException", cycle.ErrorType);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteResource", new { restApiId = apiId, resourceId = pets.Id })).StatusCode);
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetResource", new { restApiId = apiId, resourceId = pet.Id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
        Assert.Single((await Client.InvokeAsync("GetResources", new { restApiId = apiId })).Items);
    }

    [Fact]
    public async Task Methods_integrations_and_their_responses_have_full_crud()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var key = new { restApiId = apiId, resourceId = rootId, httpMethod = "GET" };

        var again = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", authorizationType = "NONE" }));
        Assert.Equal("ConflictException", again.ErrorType);

        var method = await Client.InvokeAsync("UpdateMethod", new
        {
            restApiId = apiId, resourceId = rootId, httpMethod = "GET",
            patchOperations = new object[]
            {
                new { op = "replace", path = "/apiKeyRequired", value = "true" },
                new { op = "add", path = "/requestParameters/method.request.querystring.page", value = "false" },
            },
        });
        Assert.True(method["apiKeyRequired"].GetBoolean());
        Assert.False(method["requestParameters"].GetProperty("method.request.querystring.page").GetBoolean());

        var methodResponse = await Client.InvokeAsync("PutMethodResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200", responseModels = new Dictionary<string, string> { ["application/json"] = "Empty" } });
        Assert.Equal(HttpStatusCode.Created, methodResponse.StatusCode);
        var integrationResponse = await Client.InvokeAsync("PutIntegrationResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200", selectionPattern = "" });
        Assert.Equal("200", integrationResponse.GetString("statusCode"));
        var noMethodResponse = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutIntegrationResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "500" }));
        Assert.Equal("NotFoundException", noMethodResponse.ErrorType);

        var updatedResponse = await Client.InvokeAsync("UpdateIntegrationResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200", patchOperations = new[] { new { op = "replace", path = "/selectionPattern", value = "2\\d{2}" } } });
        Assert.Equal("2\\d{2}", updatedResponse.GetString("selectionPattern"));
        var updatedMethodResponse = await Client.InvokeAsync("UpdateMethodResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200", patchOperations = new[] { new { op = "add", path = "/responseParameters/method.response.header.X-Id", value = "true" } } });
        Assert.True(updatedMethodResponse["responseParameters"].GetProperty("method.response.header.X-Id").GetBoolean());

        var integration = await Client.InvokeAsync("UpdateIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "replace", path = "/timeoutInMillis", value = "5000" } } });
        Assert.Equal(5000, integration["timeoutInMillis"].GetInt32());

        var full = await Client.InvokeAsync("GetMethod", key);
        Assert.Equal("MOCK", full["methodIntegration"].GetProperty("type").GetString());
        Assert.True(full["methodIntegration"].GetProperty("integrationResponses").TryGetProperty("200", out _));
        Assert.Equal("200", (await Client.InvokeAsync("GetMethodResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200" })).GetString("statusCode"));
        Assert.Equal("200", (await Client.InvokeAsync("GetIntegrationResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200" })).GetString("statusCode"));
        Assert.Equal("MOCK", (await Client.InvokeAsync("GetIntegration", key)).GetString("type"));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.InvokeAsync("DeleteIntegrationResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.InvokeAsync("DeleteMethodResponse", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", statusCode = "200" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.InvokeAsync("DeleteIntegration", key)).StatusCode);
        var noIntegration = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetIntegration", key));
        Assert.Equal("NotFoundException", noIntegration.ErrorType);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.InvokeAsync("DeleteMethod", key)).StatusCode);
        var noMethod = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetMethod", key));
        Assert.Equal("NotFoundException", noMethod.ErrorType);
    }

    [Fact]
    public async Task PutIntegration_of_type_HTTP_needs_a_uri()
    {
        var apiId = await CreateApiAsync();
        var rootId = (await Client.InvokeAsync("GetResources", new { restApiId = apiId })).Items.Single().Id;
        await Client.InvokeAsync("PutMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "POST", authorizationType = "NONE" });

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "POST", type = "HTTP" }));
        Assert.Equal("BadRequestException", error.ErrorType);
        var ok = await Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "POST", type = "HTTP_PROXY", integrationHttpMethod = "POST", uri = "https://example.com/{proxy}" });
        Assert.Equal("POST", ok.GetString("httpMethod"));
    }

    [Fact]
    public async Task Deployments_can_be_read_listed_and_described_again()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var deployment = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, description = "one" });
        var updated = await Client.InvokeAsync("UpdateDeployment", new { restApiId = apiId, deploymentId = deployment.Id, patchOperations = new[] { new { op = "replace", path = "/description", value = "two" } } });
        Assert.Equal("two", updated.GetString("description"));
        Assert.Equal("two", (await Client.InvokeAsync("GetDeployment", new { restApiId = apiId, deploymentId = deployment.Id })).GetString("description"));
        Assert.Equal(deployment.Id, (await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items.Single().Id);
    }
}
