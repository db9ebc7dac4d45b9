using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// The models the service gives a REST API CreateRestApi makes (Empty, Error; their text as AWS
/// answers them), which ImportRestApi's APIs do not get, and what that means for CreateModel and GetExport.
/// </summary>
public sealed class DefaultModelTests : GatewayTestBase
{
    private const string NoSchemas = """
        {"swagger":"2.0","info":{"title":"Plain","version":"1"},
         "paths":{"/":{"get":{"responses":{"200":{"description":"ok"}},"x-amazon-apigateway-integration":{"type":"mock"}}}}}
        """;

    [Fact]
    public async Task CreateRestApi_gives_the_api_the_Empty_and_Error_models()
    {
        var apiId = await CreateApiAsync();

        var models = (await Client.InvokeAsync("GetModels", new { restApiId = apiId })).Items.ToDictionary(m => m.GetString("name")!);

        Assert.Equal(["Empty", "Error"], models.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("application/json", models["Empty"].GetString("contentType"));
        Assert.Equal("This is a default empty schema model", models["Empty"].GetString("description"));
        Assert.Equal("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}", models["Empty"].GetString("schema"));
        Assert.Equal("This is a default error schema model", models["Error"].GetString("description"));
        var error = JsonNode.Parse(models["Error"].GetString("schema")!)!;
        Assert.Equal("Error Schema", error["title"]!.GetValue<string>());
        Assert.Equal("string", error["properties"]!["message"]!["type"]!.GetValue<string>());
        Assert.NotEqual(models["Empty"].Id, models["Error"].Id);
        Assert.Equal(models["Empty"].Id, (await Client.InvokeAsync("GetModel", new { restApiId = apiId, modelName = "Empty" })).Id);
    }

    [Fact]
    public async Task A_second_Empty_model_is_a_conflict_and_the_defaults_can_be_deleted()
    {
        var apiId = await CreateApiAsync();

        var again = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Empty", contentType = "application/json", schema = "{}" }));

        Assert.Equal("ConflictException", again.ErrorType);
        Assert.Equal("Model name already exists for this REST API", again.ServiceMessage);
        await Client.InvokeAsync("DeleteModel", new { restApiId = apiId, modelName = "Error" });
        Assert.Equal(["Empty"], (await Client.InvokeAsync("GetModels", new { restApiId = apiId })).Items.Select(m => m.GetString("name")));
    }

    [Fact]
    public async Task ImportRestApi_gives_only_the_definitions_models_and_a_merge_keeps_the_defaults()
    {
        var imported = await Client.InvokeAsync("ImportRestApi", new { body = NoSchemas });
        Assert.Empty((await Client.InvokeAsync("GetModels", new { restApiId = imported.Id })).Items);

        var created = await CreateApiAsync();
        await Client.InvokeAsync("PutRestApi", new { restApiId = created, mode = "merge", body = NoSchemas.Replace("\"paths\"", "\"definitions\":{\"Order\":{\"type\":\"object\"}},\"paths\"", StringComparison.Ordinal) });
        Assert.Equal(["Empty", "Error", "Order"], (await Client.InvokeAsync("GetModels", new { restApiId = created })).Items.Select(m => m.GetString("name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_export_of_a_created_api_defines_the_default_models()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "v1" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = apiId, stageName = "v1", exportType = "swagger" });

        var definitions = JsonNode.Parse(export.Body!.Value.Span)!["definitions"]!;
        Assert.Equal("""{"title":"Empty Schema","type":"object"}""", definitions["Empty"]!.ToJsonString());
        Assert.Equal("""{"title":"Error Schema","type":"object","properties":{"message":{"type":"string"}}}""", definitions["Error"]!.ToJsonString());
    }
}
