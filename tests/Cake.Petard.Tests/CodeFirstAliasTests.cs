using System.Text.Json.Nodes;
using Cake.Core;
using Cake.Petard.Tests.Fakes;
using Petard;
using Petard.Local;

namespace Cake.Petard.Tests;

/// <summary>PetardDeployApi with a document as ASP.NET Core generates it (OpenAPI 3.1, no integrations), in a fake Cake context against the emulator.</summary>
public sealed class CodeFirstAliasTests : IAsyncLifetime, IDisposable
{
    private const string Generated = """
        { "openapi": "3.1.1", "info": { "title": "Orders | v1", "version": "1.0.0" },
          "paths": {
            "/orders/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": ["integer", "string"], "pattern": "^-?(?:0|[1-9]\\d*)$", "format": "int32" } } ], "responses": { "200": { "description": "OK" } } } },
            "/orders": { "post": { "responses": { "200": { "description": "OK" } } } } } }
        """;

    private readonly TempFolder folder = new();
    private LocalGateway gateway = null!;
    private FakeCakeContext context = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        context = new FakeCakeContext(folder.Path);
        Directory.CreateDirectory(Path.Combine(folder.Path, "obj", "openapi"));
        folder.Write(Path.Combine("obj", "openapi", "Orders.json"), Generated);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => folder.Dispose();

    private PetardDeployApiSettings Settings() =>
        new PetardDeployApiSettings { RestApiName = "orders", StageName = "dev", OpenApiFile = "obj/openapi/Orders.json", DeployedDocumentFile = "obj/petard/deployed.json" }.WithEndpointUrl(gateway.Url);

    [Fact]
    public void A_generated_document_deploys_with_integrations_by_convention_and_the_document_sent_is_written()
    {
        var result = context.PetardDeployApi(Settings().WithIntegration("http_proxy", "http://${stageVariables.backend}").WithOperationIntegration("POST /orders", "mock"));

        Assert.True(result.Changed);
        var deployed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "obj", "petard", "deployed.json")))!;
        Assert.Equal("3.0.3", deployed["openapi"]!.GetValue<string>());
        Assert.Equal("http://${stageVariables.backend}/orders/{id}", deployed["paths"]!["/orders/{id}"]!["get"]!["x-amazon-apigateway-integration"]!["uri"]!.GetValue<string>());
        Assert.Equal("mock", deployed["paths"]!["/orders"]!["post"]!["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Without_integrations_the_error_is_PETARD1030_in_Cake_words_before_any_call()
    {
        var error = Assert.Throws<CakeException>(() => context.PetardDeployApi(Settings()));

        Assert.StartsWith("PETARD1030: 2 operation(s) of Orders.json have no integration", error.Message, StringComparison.Ordinal);
        Assert.Contains("Either set IntegrationType (http_proxy, aws_proxy or mock) and IntegrationUri", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void The_separate_aliases_with_the_code_first_settings_fingerprint_the_document_PetardDeployApi_sent()
    {
        var deployed = context.PetardDeployApi(Settings().WithIntegration("mock"));
        gateway.Calls.Clear();

        context.PetardImportRestApi(new PetardImportRestApiSettings { RestApiName = "orders", OpenApiFile = "obj/openapi/Orders.json" }.WithEndpointUrl(gateway.Url).WithIntegration("mock"));
        var created = context.PetardCreateDeployment(new PetardCreateDeploymentSettings { RestApiName = "orders", StageName = "dev", OpenApiFile = "obj/openapi/Orders.json" }.WithEndpointUrl(gateway.Url).WithIntegration("mock"));

        Assert.Contains("PutRestApi", gateway.Calls);
        Assert.DoesNotContain("CreateDeployment", gateway.Calls);
        Assert.Equal(deployed.DeploymentId, created.DeploymentId);
    }
}
