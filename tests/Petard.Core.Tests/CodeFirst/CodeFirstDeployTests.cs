using System.Text.Json.Nodes;
using Amazon.Runtime;
using Petard.Local;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>DeployApi with a generated document, against the emulator over HTTP: what is sent is what is fingerprinted and written.</summary>
public sealed class CodeFirstDeployTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static PetardClient Client(LocalGateway gateway) => PetardClient.Create(new PetardClientOptions
    {
        Credentials = new BasicAWSCredentials("AKIDPETARDTEST", "secret"),
        Region = "eu-west-1",
        EndpointUrl = gateway.Url,
    });

    private DeployApiRequest Request(Action<DeployApiRequest>? more = null)
    {
        var request = new DeployApiRequest
        {
            RestApi = { Name = "WebApp" },
            Stage = { Name = "dev" },
            Import =
            {
                GeneratedDocuments = new Dictionary<string, string>
                {
                    ["v1"] = GeneratedDocument.PathOf("WebApp.json"),
                    ["admin"] = GeneratedDocument.PathOf("WebApp_admin.json"),
                },
                IntegrationType = "http_proxy",
                IntegrationUri = "http://${stageVariables.backend}",
                DeployedDocumentFile = Path.Combine(temp.Path, "obj", "deployed.json"),
            },
        };
        more?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task The_generated_v1_document_is_deployed_as_3_0_with_integrations_and_an_unchanged_redeploy_writes_nothing()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var log = new RecordingLog();

        var first = await new PetardDeployer(client, log).DeployApiAsync(Request());
        var second = await new PetardDeployer(client, log).DeployApiAsync(Request());

        Assert.Contains("ImportRestApi", first.Calls);
        Assert.False(second.Changed);
        Assert.DoesNotContain(second.Calls, c => c is "PutRestApi" or "ImportRestApi" or "CreateDeployment" or "UpdateStage");
        Assert.Empty(log.Warnings); // a generated document loses nothing on conversion
        var deployed = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "obj", "deployed.json")))!;
        Assert.Equal("3.0.3", deployed["openapi"]!.GetValue<string>());
        Assert.Equal("WebApp | v1", deployed["info"]!["title"]!.GetValue<string>());
        var export = await client.InvokeAsync("GetExport", new { restApiId = first.RestApiId, stageName = "dev", exportType = "oas30", parameters = new Dictionary<string, string> { ["extensions"] = "integrations" } });
        var paths = JsonNode.Parse(export.Body!.Value.Span)!["paths"]!.AsObject();
        Assert.Equal(["/files/{path}", "/orders", "/orders/{id}", "/orders/{id}/lines/{line}"], paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("http://${stageVariables.backend}/orders/{id}", paths["/orders/{id}"]!["get"]!["x-amazon-apigateway-integration"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_changed_integration_redeploys_because_the_fingerprint_is_of_the_document_sent()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);

        var first = await new PetardDeployer(client).DeployApiAsync(Request());
        var second = await new PetardDeployer(client).DeployApiAsync(Request(r => r.Import.IntegrationUri = "http://${stageVariables.backend}:8080"));

        Assert.Contains("PutRestApi", second.Calls);
        Assert.NotEqual(first.DeploymentId, second.DeploymentId);
    }

    [Fact]
    public async Task Chained_import_and_create_deployment_with_the_code_first_settings_fingerprint_the_document_DeployApi_sent()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var deployed = await new PetardDeployer(client).DeployApiAsync(Request());
        var settings = Request().Import;

        var import = new ImportRestApiRequest { RestApi = { Name = "WebApp" } };
        CopyCodeFirst(settings, import.Import);
        var imported = await new PetardDeployer(client).ImportRestApiAsync(import);
        var create = new CreateDeploymentRequest { RestApi = { Name = "WebApp" }, StageName = "dev" };
        CopyCodeFirst(settings, create.Import);
        var created = await new PetardDeployer(client).CreateDeploymentAsync(create);

        Assert.Contains("PutRestApi", imported.Calls);
        Assert.Equal(deployed.DeploymentId, created.DeploymentId); // the same fingerprint: the stage's deployment is kept
        Assert.DoesNotContain("CreateDeployment", created.Calls);

        // Without the integration settings the document differs, and so does the fingerprint.
        var bare = new CreateDeploymentRequest { RestApi = { Name = "WebApp" }, StageName = "dev", Import = { GeneratedDocuments = settings.GeneratedDocuments } };
        Assert.Contains("CreateDeployment", (await new PetardDeployer(client).CreateDeploymentAsync(bare)).Calls);
    }

    private static void CopyCodeFirst(ImportSpec from, ImportSpec to)
    {
        to.GeneratedDocuments = from.GeneratedDocuments;
        to.IntegrationType = from.IntegrationType;
        to.IntegrationUri = from.IntegrationUri;
    }

    [Fact]
    public async Task Document_name_picks_another_generated_document()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);

        await new PetardDeployer(client).DeployApiAsync(Request(r => r.Import.DocumentName = "admin"));

        var deployed = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "obj", "deployed.json")))!;
        Assert.Equal("WebApp | admin", deployed["info"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "The app generates 2 OpenAPI documents ('admin', 'other') and none is named 'v1': set DocumentName to the one to deploy.")]
    [InlineData("v2", "The app generates no OpenAPI document named 'v2'; it generates 'admin', 'other'. Set DocumentName to one of them.")]
    public async Task Without_a_document_to_pick_the_error_is_PETARD1006_before_any_call(string? name, string message)
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var request = Request(r =>
        {
            r.Import.GeneratedDocuments = new Dictionary<string, string> { ["other"] = GeneratedDocument.PathOf("WebApp.json"), ["admin"] = GeneratedDocument.PathOf("WebApp_admin.json") };
            r.Import.DocumentName = name;
        });

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(request));

        Assert.Equal((PetardErrorCodes.OpenApiFileMissing, message), (error.Code, error.Message));
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public async Task A_generated_document_without_integration_settings_is_PETARD1030_before_any_call()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(Request(r => r.Import.IntegrationType = null)));

        Assert.Equal(PetardErrorCodes.NoIntegration, error.Code);
        Assert.StartsWith("4 operation(s) of WebApp.json have no integration", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public async Task A_3_1_YAML_file_is_converted_and_what_3_0_cannot_say_is_a_PETARD2030_warning()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var log = new RecordingLog();
        var file = temp.Write("openapi.yaml", """
            openapi: 3.1.0
            info: { title: Points, version: "1" }
            paths:
              /points/{id}:
                get:
                  parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema: { type: array, prefixItems: [ { type: number }, { type: number } ] }
            """);

        await new PetardDeployer(client, log).DeployApiAsync(Request(r => r.Import.OpenApiFile = file));

        var warning = Assert.Single(log.Warnings);
        Assert.Equal(PetardErrorCodes.OpenApi31Dropped, warning.Code);
        Assert.Equal((file, 12), (warning.File, warning.Line)); // where prefixItems is, so the warning opens there
        Assert.Equal("openapi.yaml is OpenAPI 3.1; API Gateway imports 3.0, which cannot say tuple items (prefixItems), so it was dropped at #/paths/~1points~1{id}/get/responses/200/content/application~1json/schema/prefixItems. API Gateway would not have used it; remove it from the definition to silence this.", warning.Message);
    }

    private sealed class RecordingLog : IPetardLog
    {
        public List<PetardWarning> Warnings { get; } = [];

        public void Info(string message)
        {
        }

        public void Detail(string message)
        {
        }

        public void Warning(PetardWarning warning) => Warnings.Add(warning);
    }
}
