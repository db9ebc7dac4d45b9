using Petard.Build.Tests.Infrastructure;
using Petard.Local;

namespace Petard.Build.Tests;

/// <summary>Code-first in in-process builds against an in-process LocalGateway: the chained tasks, warnings located in the file.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class CodeFirstTargetTests : IAsyncLifetime, IDisposable
{
    /// <summary>What an ASP.NET Core app generates: OpenAPI 3.1, no integrations.</summary>
    private const string Generated = """
        { "openapi": "3.1.1", "info": { "title": "WebApp | v1", "version": "1.0.0" },
          "paths": { "/orders/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "200": { "description": "OK" } } } } } }
        """;

    private readonly TempFolder temp = new();
    private LocalGateway gateway = null!;
    private ProjectBuilder project = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        project = new ProjectBuilder(temp.Path);
        project.Properties["PetardRestApiName"] = "WebApp";
        project.Properties["PetardStageName"] = "dev";
        project.Properties["PetardEndpointUrl"] = gateway.Url;
        project.Properties["PetardOpenApiFile"] = "WebApp.json";
        project.Properties["PetardIntegrationType"] = "mock";
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_chained_tasks_with_the_integration_settings_fingerprint_the_document_DeployApi_sent()
    {
        temp.Write("WebApp.json", Generated);
        var deployed = project.Build();
        Assert.True(deployed.Succeeded, deployed.Log.Text);
        gateway.Calls.Clear();
        project.Targets.Add("""
            <Target Name="Chained">
              <PetardImportRestApi RestApiName="$(PetardRestApiName)" EndpointUrl="$(PetardEndpointUrl)" ProjectFile="$(MSBuildProjectFullPath)"
                                   OpenApiFile="$(PetardOpenApiFile)" IntegrationType="$(PetardIntegrationType)" />
              <PetardCreateDeployment RestApiName="$(PetardRestApiName)" EndpointUrl="$(PetardEndpointUrl)" ProjectFile="$(MSBuildProjectFullPath)" StageName="$(PetardStageName)"
                                      OpenApiFile="$(PetardOpenApiFile)" IntegrationType="$(PetardIntegrationType)">
                <Output TaskParameter="DeploymentId" PropertyName="ChainedDeploymentId" />
              </PetardCreateDeployment>
            </Target>
            """);

        var chained = project.Build("Chained");

        Assert.True(chained.Succeeded, chained.Log.Text);
        Assert.Contains("PutRestApi", gateway.Calls);
        Assert.DoesNotContain("CreateDeployment", gateway.Calls); // the same fingerprint as the stage's deployment
        Assert.Equal(deployed.Property("PetardDeploymentId"), chained.Property("ChainedDeploymentId"));
    }
}
