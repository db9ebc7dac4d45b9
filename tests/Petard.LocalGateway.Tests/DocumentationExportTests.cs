using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// GetExport with <c>extensions=documentation</c> writes the stage's documentation version as
/// <c>x-amazon-apigateway-documentation</c>, which ImportRestApi reads back: import → export → import.
/// </summary>
public sealed class DocumentationExportTests : GatewayTestBase
{
    private const string Definition = """
        {"openapi":"3.0.1","info":{"title":"Shop","version":"1.0"},
         "paths":{"/items":{"get":{"responses":{"200":{"description":"ok"}},
           "x-amazon-apigateway-integration":{"type":"mock","requestTemplates":{"application/json":"{\"statusCode\": 200}"},"responses":{"default":{"statusCode":"200"}}}}}},
         "x-amazon-apigateway-documentation":{"version":"draft","documentationParts":[
           {"location":{"type":"API"},"properties":{"description":"The shop"}},
           {"location":{"type":"METHOD","path":"/items","method":"GET"},"properties":{"summary":"List the items"}}]}}
        """;

    [Theory]
    [InlineData("documentation")]
    [InlineData("integrations,documentation")]
    public async Task The_export_carries_the_stages_documentation_version_and_imports_back(string extensions)
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });
        await Client.InvokeAsync("CreateDocumentationVersion", new { restApiId = api.Id, documentationVersion = "1.0.3", stageName = "v1" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "v1", exportType = "oas30", accepts = "application/json", parameters = new Dictionary<string, string> { ["extensions"] = extensions } });

        var document = JsonNode.Parse(export.Body!.Value.Span)!.AsObject();
        var documentation = document["x-amazon-apigateway-documentation"]!;
        Assert.Equal("1.0.3", documentation["version"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", documentation["createdDate"]!.GetValue<string>());
        var parts = documentation["documentationParts"]!.AsArray();
        Assert.Equal(2, parts.Count);
        Assert.Equal("The shop", parts.Single(p => p!["location"]!["type"]!.GetValue<string>() == "API")!["properties"]!["description"]!.GetValue<string>());
        Assert.Equal(extensions.Contains("integrations", StringComparison.Ordinal), document["paths"]!["/items"]!["get"]!.AsObject().ContainsKey("x-amazon-apigateway-integration"));

        var again = await Client.InvokeAsync("ImportRestApi", new { body = document.ToJsonString() });
        var imported = (await Client.InvokeAsync("GetDocumentationParts", new { restApiId = again.Id })).Items;
        var method = imported.Single(p => p["location"].GetProperty("type").GetString() == "METHOD");
        Assert.Equal("/items", method["location"].GetProperty("path").GetString());
        Assert.Equal("GET", method["location"].GetProperty("method").GetString());
        Assert.Equal("List the items", JsonNode.Parse(method.GetString("properties")!)!["summary"]!.GetValue<string>());
        Assert.Equal(2, imported.Count);
    }

    [Fact]
    public async Task Without_the_extension_or_a_published_version_the_export_has_no_documentation()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Definition });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "v1" });

        var unpublished = await ExportAsync(api.Id!, "documentation");
        await Client.InvokeAsync("CreateDocumentationVersion", new { restApiId = api.Id, documentationVersion = "1", stageName = "v1" });
        var notAsked = await ExportAsync(api.Id!, "integrations");

        Assert.False(unpublished.ContainsKey("x-amazon-apigateway-documentation"));
        Assert.False(notAsked.ContainsKey("x-amazon-apigateway-documentation"));
    }

    private async Task<JsonObject> ExportAsync(string apiId, string extensions)
    {
        var export = await Client.InvokeAsync("GetExport", new { restApiId = apiId, stageName = "v1", exportType = "swagger", accepts = "application/json", parameters = new Dictionary<string, string> { ["extensions"] = extensions } });
        return JsonNode.Parse(export.Body!.Value.Span)!.AsObject();
    }
}
