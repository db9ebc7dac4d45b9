using System.Net;

namespace Petard.Local.Tests;

public sealed class ImportTests : GatewayTestBase
{
    private const string PetStoreYaml = """
        openapi: 3.0.1
        info:
          title: PetStore
          version: "1.0"
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "200":
                  description: ok
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
          /pets/{petId}:
            get:
              parameters:
                - name: petId
                  in: path
                  required: true
              responses:
                "200":
                  description: ok
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: https://example.com/pets/{petId}
        """;

    [Fact]
    public async Task ImportRestApi_names_the_api_after_the_title_and_creates_resources_and_methods()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = PetStoreYaml });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Equal("PetStore", api.GetString("name"));

        var resources = await Client.InvokeAsync("GetResources", new { restApiId = api.Id, embed = new[] { "methods" } });
        var paths = resources.Items.Select(r => r.GetString("path")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/", "/pets", "/pets/{petId}"], paths);
        var pet = resources.Items.Single(r => r.GetString("path") == "/pets/{petId}");
        var get = pet["resourceMethods"].GetProperty("GET");
        Assert.True(get.GetProperty("requestParameters").GetProperty("method.request.path.petId").GetBoolean());
        Assert.Equal("HTTP_PROXY", get.GetProperty("methodIntegration").GetProperty("type").GetString());

        var deployment = await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });
        Assert.NotNull(deployment.Id);
    }

    [Fact]
    public async Task PutRestApi_overwrite_replaces_the_resources_and_keeps_the_root()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = PetStoreYaml });
        var rootId = api.GetString("rootResourceId");
        var json = """{"swagger":"2.0","info":{"title":"Other","version":"2"},"paths":{"/orders":{"post":{"responses":{"201":{"description":"made"}}}}}}""";

        var put = await Client.InvokeAsync("PutRestApi", new { restApiId = api.Id, mode = "overwrite", body = json });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("PetStore", put.GetString("name"));

        var resources = await Client.InvokeAsync("GetResources", new { restApiId = api.Id });
        Assert.Equal(["/", "/orders"], resources.Items.Select(r => r.GetString("path")).Order(StringComparer.Ordinal));
        Assert.Equal(rootId, resources.Items.Single(r => r.GetString("path") == "/").Id);
    }

    [Fact]
    public async Task ImportRestApi_of_a_document_that_is_not_openapi_is_a_BadRequest_and_creates_nothing()
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = "just: yaml" }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task ImportRestApi_reports_warnings_and_with_failonwarnings_refuses_and_creates_nothing()
    {
        const string withTrace = """{"swagger":"2.0","info":{"title":"Warned","version":"1"},"paths":{"/a":{"get":{"responses":{}},"trace":{"responses":{}}}}}""";

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = withTrace, failOnWarnings = true }));
        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Contains("trace", refused.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);

        var imported = await Client.InvokeAsync("ImportRestApi", new { body = withTrace, parameters = new Dictionary<string, string> { ["endpointConfigurationTypes"] = "REGIONAL" } });
        Assert.Contains("trace", imported["warnings"][0].GetString(), StringComparison.Ordinal);
        Assert.Equal("REGIONAL", imported["endpointConfiguration"].GetProperty("types")[0].GetString());
    }

    [Fact]
    public async Task PutRestApi_merge_keeps_existing_resources_and_adds_new_ones()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = PetStoreYaml });
        const string more = """{"openapi":"3.0.1","info":{"title":"PetStore","version":"2"},"paths":{"/owners":{"get":{"responses":{}}}}}""";

        await Client.InvokeAsync("PutRestApi", new { restApiId = api.Id, mode = "merge", body = more });

        var paths = (await Client.InvokeAsync("GetResources", new { restApiId = api.Id })).Items.Select(r => r.GetString("path")).Order(StringComparer.Ordinal);
        Assert.Equal(["/", "/owners", "/pets", "/pets/{petId}"], paths);
    }
}
