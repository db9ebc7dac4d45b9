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

    [Fact]
    public void What_OpenAPI_3_0_cannot_say_is_a_PETARD2030_warning_at_its_line_in_the_file()
    {
        var file = temp.Write("WebApp.json", """
            { "openapi": "3.1.1", "info": { "title": "Points", "version": "1" },
              "paths": { "/points": { "get": { "responses": { "200": { "description": "OK",
                "content": { "application/json": { "schema": { "type": "array",
                  "prefixItems": [ { "type": "number" }, { "type": "number" } ] } } } } } } } } }
            """);

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal(("PETARD2030", file, 4), (warning.Code, warning.File, warning.LineNumber));
        Assert.StartsWith("Petard: WebApp.json is OpenAPI 3.1; API Gateway imports 3.0, which cannot say tuple items (prefixItems)", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("README.md#petard2030", warning.HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_document_deleted_since_is_generated_again_though_the_assembly_did_not_change()
    {
        UseGenerator();
        project.Properties["TargetPath"] = "$(MSBuildProjectDirectory)/bin/app.dll";
        Directory.CreateDirectory(Path.Combine(temp.Path, "bin"));
        temp.Write(Path.Combine("bin", "app.dll"), "assembly");
        // Stands in for Microsoft.Extensions.ApiDescription.Server's target, with its incremental rule (10.0.15).
        project.Targets.Add("""
            <Target Name="GenerateOpenApiDocuments" Inputs="$(TargetPath)" Outputs="$(_OpenApiDocumentsCache)">
              <Copy SourceFiles="source.json" DestinationFiles="obj/app.json" />
              <WriteLinesToFile File="$(_OpenApiDocumentsCache)" Lines="$(MSBuildProjectDirectory)/obj/app.json" Overwrite="true" />
            </Target>
            """);
        var first = project.Build();
        Assert.True(first.Succeeded, first.Log.Text);
        var document = Path.Combine(temp.Path, "obj", "app.json");
        File.Delete(document); // e.g. a clean of obj/*.json, or an interrupted run: the cache still lists it

        var second = project.Build();

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.True(File.Exists(document));
        Assert.Equal(first.Property("PetardDeploymentId"), second.Property("PetardDeploymentId"));
    }

    [Fact]
    public void A_multi_targeted_project_regenerates_from_the_framework_it_deploys_from()
    {
        UseGenerator();
        project.Properties["TargetFrameworks"] = "net8.0;net10.0";
        project.Properties["PetardDeployTargetFramework"] = "net10.0";
        project.Properties["_OpenApiGenerateDocumentsTFM"] = "net8.0"; // what the generator's outer build picks: the first framework
        // Stands in for the generator's outer target: it generates from _OpenApiGenerateDocumentsTFM; a cache left by another framework is current for it.
        project.Targets.Add("""
            <Target Name="GenerateOpenApiDocuments" Condition="!Exists('$(_OpenApiDocumentsCache)')">
              <Copy SourceFiles="source.json" DestinationFiles="obj/app.json" />
              <WriteLinesToFile File="obj/generated-from.txt" Lines="$(_OpenApiGenerateDocumentsTFM)" Overwrite="true" />
              <WriteLinesToFile File="$(_OpenApiDocumentsCache)" Lines="$(MSBuildProjectDirectory)/obj/app.json" Overwrite="true" />
            </Target>
            """);
        Assert.True(project.Build().Succeeded);
        File.WriteAllText(Path.Combine(temp.Path, "obj", "generated-from.txt"), "net8.0 (another framework's build)");

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Equal("net10.0", File.ReadAllText(Path.Combine(temp.Path, "obj", "generated-from.txt")).Trim());
    }

    /// <summary>Code-first without a file: the generator's properties (source.json is what the stand-in generator writes).</summary>
    private void UseGenerator()
    {
        project.Properties.Remove("PetardOpenApiFile");
        project.Properties["OpenApiGenerateDocuments"] = "true";
        project.Properties["_OpenApiDocumentsCache"] = "$(MSBuildProjectDirectory)/obj/app.OpenApiFiles.cache";
        temp.Write("source.json", Generated);
    }
}
