using TaskItem = Microsoft.Build.Utilities.TaskItem;
using Petard.Build.Tests.Infrastructure;

namespace Petard.Build.Tests;

/// <summary>The code-first parameters of PetardDeployApi with a recording build engine: the errors a user meets first, before any call.</summary>
public sealed class CodeFirstTaskTests : IDisposable
{
    private const string DeadEndpoint = "http://127.0.0.1:9"; // nothing listens: reaching the network fails the test

    private readonly TempFolder temp = new();
    private readonly RecordingBuildEngine engine = new();

    public void Dispose() => temp.Dispose();

    private const string Generated = """
        { "openapi": "3.1.1", "info": { "title": "WebApp | v1", "version": "1.0.0" },
          "paths": { "/orders/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": ["integer", "string"], "pattern": "^-?(?:0|[1-9]\\d*)$" } } ], "responses": { "200": { "description": "OK" } } } },
                     "/orders": { "post": { "responses": { "200": { "description": "OK" } } } } } }
        """;

    [Fact]
    public void A_web_project_with_neither_an_OpenAPI_file_nor_the_generator_is_PETARD1006_saying_how_to_add_either()
    {
        var project = temp.Write("WebApp.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        var task = new PetardDeployApi { BuildEngine = engine, ProjectFile = project, RestApiName = "WebApp", StageName = "dev", GeneratorMissing = true, EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("PETARD1006", project), (error.Code, error.File));
        Assert.EndsWith("README.md#petard1006", error.HelpLink, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Extensions.ApiDescription.Server", error.Message, StringComparison.Ordinal);
        Assert.Contains("set PetardOpenApiFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_operations_without_integration_are_PETARD1030_in_MSBuild_words_and_the_document_picked_by_the_generators_names()
    {
        var project = temp.Write("WebApp.csproj", "<Project />");
        var v1 = temp.Write("WebApp.json", Generated);
        var admin = temp.Write("WebApp_admin.json", Generated.Replace("/orders", "/admin", StringComparison.Ordinal));
        var task = new PetardDeployApi
        {
            BuildEngine = engine,
            ProjectFile = project,
            RestApiName = "WebApp",
            StageName = "dev",
            GeneratedDocuments = [new TaskItem(admin), new TaskItem(v1)],
            Integrations = [new TaskItem("GET /orders/{id}", new Dictionary<string, string> { ["Type"] = "mock" })],
            EndpointUrl = DeadEndpoint,
        };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1030", error.Code);
        Assert.StartsWith("1 operation(s) of WebApp.json have no integration, so API Gateway would refuse to deploy them: POST /orders. Either set PetardIntegrationType (http_proxy, aws_proxy or mock) and PetardIntegrationUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("with the PetardIntegration items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_document_name_is_PETARD1006_listing_the_generated_ones()
    {
        var project = temp.Write("WebApp.csproj", "<Project />");
        var task = new PetardDeployApi
        {
            BuildEngine = engine,
            ProjectFile = project,
            RestApiName = "WebApp",
            StageName = "dev",
            GeneratedDocuments = [new TaskItem(temp.Write("WebApp.json", Generated)), new TaskItem(temp.Write("WebApp_admin.json", Generated))],
            OpenApiDocumentName = "v2",
            IntegrationType = "mock",
            EndpointUrl = DeadEndpoint,
        };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1006", error.Code);
        Assert.Equal("The app generates no OpenAPI document named 'v2'; it generates 'admin', 'v1'. Set PetardOpenApiDocumentName to one of them.", error.Message);
    }
}
