using System.Text;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

public sealed class ExportTests : GatewayTestBase
{
    private const string Definition = """
        {"openapi":"3.0.1","info":{"title":"Shop","version":"1.0"},
         "paths":{"/items/{id}":{"get":{"operationId":"getItem",
           "parameters":[{"name":"id","in":"path","required":true}],
           "responses":{"200":{"description":"ok"}},
           "x-amazon-apigateway-integration":{"type":"http","httpMethod":"GET","uri":"https://example.com/items/{id}",
             "responses":{"default":{"statusCode":"200"}}}}}}}
        """;

    [Fact]
    public async Task GetExport_writes_the_deployed_api_as_oas30_json_with_integrations()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "v1", exportType = "oas30", parameters = new Dictionary<string, string> { ["extensions"] = "integrations" } });
        Assert.StartsWith("application/json", export.ContentType, StringComparison.Ordinal);
        var document = JsonNode.Parse(export.Body!.Value.Span)!;
        Assert.Equal("3.0.1", document["openapi"]!.GetValue<string>());
        Assert.Equal("Shop", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("v1", document["servers"]![0]!["variables"]!["basePath"]!["default"]!.GetValue<string>());
        var get = document["paths"]!["/items/{id}"]!["get"]!;
        Assert.Equal("getItem", get["operationId"]!.GetValue<string>());
        Assert.Equal("http", get["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetExport_answers_swagger_yaml_for_an_Accept_of_application_yaml_and_shows_the_deployed_snapshot()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });
        var rootId = api.GetString("rootResourceId");
        await Client.InvokeAsync("CreateResource", new { restApiId = api.Id, parentId = rootId, pathPart = "undeployed" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "v1", exportType = "swagger", accepts = "application/yaml" });
        Assert.StartsWith("application/yaml", export.ContentType, StringComparison.Ordinal);
        var yaml = Encoding.UTF8.GetString(export.Body!.Value.Span);
        Assert.Contains("swagger: \"2.0\"", yaml, StringComparison.Ordinal);
        Assert.Contains("basePath: /v1", yaml, StringComparison.Ordinal);
        Assert.Contains("/items/{id}:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("undeployed", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("x-amazon-apigateway-integration", yaml, StringComparison.Ordinal);

        // The export imports again: the round trip keeps the paths.
        var copy = await Client.InvokeAsync("ImportRestApi", new { body = yaml });
        var paths = (await Client.InvokeAsync("GetResources", new { restApiId = copy.Id })).Items.Select(r => r.GetString("path")).Order(StringComparer.Ordinal);
        Assert.Equal(["/", "/items", "/items/{id}"], paths);
    }

    [Theory]
    [InlineData("oas30", null, "application/json", "oas30_1.0.json")]
    [InlineData("oas30", "application/json", "application/json", "oas30_1.0.json")]
    [InlineData("swagger", "application/yaml", "application/yaml", "swagger_1.0.yaml")]
    [InlineData("swagger", "*/*", "application/octet-stream", "swagger_1.0.json")]
    public async Task GetExport_answers_the_accepted_content_type_and_names_the_file_after_the_type_and_version(string exportType, string? accepts, string contentType, string fileName)
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "v1", exportType, accepts });

        Assert.Equal(contentType, export.ContentType);
        Assert.Equal($"attachment; filename=\"{fileName}\"", export.ContentDisposition);
    }

    [Fact]
    public async Task GetExport_of_an_api_without_a_version_names_the_file_after_its_creation_time_as_info_version_says()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "v1" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = apiId, stageName = "v1", exportType = "oas30" });

        var version = JsonNode.Parse(export.Body!.Value.Span)!["info"]!["version"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", version);
        Assert.Equal($"attachment; filename=\"oas30_{version}.json\"", export.ContentDisposition);
    }

    [Fact]
    public async Task GetExport_for_an_Accept_it_cannot_write_is_a_BadRequest()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "v1", exportType = "oas30", accepts = "text/html" }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("text/html", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExport_of_an_unknown_stage_is_NotFound()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "nope", exportType = "oas30" }));
        Assert.Equal("NotFoundException", error.ErrorType);
    }
}
