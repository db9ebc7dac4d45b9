using System.Net;

namespace Petard.Local.Tests;

/// <summary>Documentation parts and versions, and ImportDocumentationParts.</summary>
public sealed class DocumentationTests : GatewayTestBase
{
    [Fact]
    public async Task A_documentation_part_has_full_crud_with_the_location_defaults_filled_in()
    {
        var apiId = await CreateApiAsync();
        var part = await Client.InvokeAsync("CreateDocumentationPart", new { restApiId = apiId, location = new { type = "METHOD", path = "/pets" }, properties = "{\"summary\":\"List pets\"}" });
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal("*", part["location"].GetProperty("method").GetString());

        var duplicate = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDocumentationPart", new { restApiId = apiId, location = new { type = "METHOD", path = "/pets", method = "*" }, properties = "{}" }));
        Assert.Equal("ConflictException", duplicate.ErrorType);

        var updated = await Client.InvokeAsync("UpdateDocumentationPart", new { restApiId = apiId, documentationPartId = part.Id, patchOperations = new[] { new { op = "replace", path = "/properties", value = "{\"summary\":\"All pets\"}" } } });
        Assert.Equal("{\"summary\":\"All pets\"}", updated.GetString("properties"));
        Assert.Equal(updated.GetString("properties"), (await Client.InvokeAsync("GetDocumentationPart", new { restApiId = apiId, documentationPartId = part.Id })).GetString("properties"));
        Assert.Single((await Client.InvokeAsync("GetDocumentationParts", new { restApiId = apiId, type = "METHOD" })).Items);
        Assert.Empty((await Client.InvokeAsync("GetDocumentationParts", new { restApiId = apiId, type = "MODEL" })).Items);

        await Client.InvokeAsync("DeleteDocumentationPart", new { restApiId = apiId, documentationPartId = part.Id });
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetDocumentationPart", new { restApiId = apiId, documentationPartId = part.Id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
    }

    [Theory]
    [InlineData("{\"type\":\"API\",\"path\":\"/pets\"}", "{}", "a API location has no 'path'")]
    [InlineData("{\"type\":\"MODEL\"}", "{}", "a MODEL location needs a 'name'")]
    [InlineData("{\"type\":\"WIDGET\"}", "{}", "1 validation error detected: Value 'WIDGET' at 'createDocumentationPartInput.location.type' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData("{\"type\":\"API\"}", "not json", "must be a JSON object")]
    public async Task A_location_or_properties_the_service_refuses_is_a_400(string location, string properties, string expected)
    {
        var apiId = await CreateApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDocumentationPart", new { restApiId = apiId, location = System.Text.Json.Nodes.JsonNode.Parse(location), properties }));
        Assert.Equal(location.Contains("WIDGET", StringComparison.Ordinal) ? "ValidationException" : "BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add", "/properties", "Invalid patch path  '/properties' specified for op 'add'. Please choose supported operations")]
    [InlineData("replace", "/invalidPath", "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/properties]")]
    public async Task A_documentation_part_takes_only_replace_of_its_properties(string op, string path, string expected)
    {
        var apiId = await CreateApiAsync();
        var part = await Client.InvokeAsync("CreateDocumentationPart", new { restApiId = apiId, location = new { type = "API" }, properties = "{}" });
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateDocumentationPart", new { restApiId = apiId, documentationPartId = part.Id, patchOperations = new[] { new { op, path, value = "{}" } } }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(expected, error.ServiceMessage);
    }

    [Fact]
    public async Task Documentation_parts_import_from_an_OpenAPI_extension_and_versions_snapshot_them_onto_a_stage()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        const string definition = """
            {"openapi":"3.0.1","info":{"title":"docs","version":"1"},"paths":{},
             "x-amazon-apigateway-documentation":{"version":"1","documentationParts":[
               {"location":{"type":"API"},"properties":{"description":"The orders API"}},
               {"location":{"type":"RESOURCE","path":"/orders"},"properties":{"description":"Orders"}}]}}
            """;
        var imported = await Client.InvokeAsync("ImportDocumentationParts", new { restApiId = apiId, mode = "overwrite", body = definition });
        Assert.Equal(2, imported["ids"].GetArrayLength());
        Assert.Equal(2, (await Client.InvokeAsync("GetDocumentationParts", new { restApiId = apiId })).Items.Count);

        var version = await Client.InvokeAsync("CreateDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0", stageName = "dev", description = "first" });
        Assert.Equal(HttpStatusCode.Created, version.StatusCode);
        Assert.Equal("1.0", (await Client.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" })).GetString("documentationVersion"));
        var again = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0" }));
        Assert.Equal("ConflictException", again.ErrorType);

        var updated = await Client.InvokeAsync("UpdateDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0", patchOperations = new[] { new { op = "replace", path = "/description", value = "renamed" } } });
        Assert.Equal("renamed", updated.GetString("description"));
        Assert.False(updated.Has("parts"));
        Assert.Equal("renamed", (await Client.InvokeAsync("GetDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0" })).GetString("description"));
        Assert.Single((await Client.InvokeAsync("GetDocumentationVersions", new { restApiId = apiId })).Items);
        await Client.InvokeAsync("DeleteDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0" });
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetDocumentationVersion", new { restApiId = apiId, documentationVersion = "1.0" }));
        Assert.Equal("NotFoundException", gone.ErrorType);
    }

    [Fact]
    public async Task A_file_that_does_not_parse_is_refused_and_one_without_documentation_imports_nothing()
    {
        var apiId = await CreateApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportDocumentationParts", new { restApiId = apiId, body = "{\"openapi\": " }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal("Unable to build importer with provided input.", error.ServiceMessage);

        var nothing = await Client.InvokeAsync("ImportDocumentationParts", new { restApiId = apiId, body = "{\"openapi\":\"3.0.1\",\"paths\":{}}" });
        Assert.Equal(0, nothing["ids"].GetArrayLength());
    }
}
