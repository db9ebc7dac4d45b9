namespace Petard.EndToEnd.Tests.Infrastructure;

/// <summary>Projects as a user writes them, in folders of the test run beside the packed feed.</summary>
internal static class UserProjects
{
    /// <summary>
    /// Writes a project that deploys openapi.json to stage dev with the packed Petard.Build;
    /// <paramref name="properties"/> go into its PropertyGroup. Returns the project's folder.
    /// </summary>
    public static string Write(PackedFeed feed, string name, string properties, string frameworks = "<TargetFramework>net10.0</TargetFramework>")
    {
        var project = Path.Combine(feed.Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(project);
        feed.WriteNuGetConfig(project);
        File.WriteAllText(Path.Combine(project, "openapi.json"), OpenApi(name, "/ping"));
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <PetardStageName>dev</PetardStageName>
                <PetardOpenApiFile>openapi.json</PetardOpenApiFile>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Petard.Build" Version="{feed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>A Swagger 2.0 definition API Gateway can deploy: one GET method with a mock integration.</summary>
    public static string OpenApi(string title, string path) => $$"""
        { "swagger": "2.0", "info": { "title": "{{title}}", "version": "1" },
          "paths": { "{{path}}": { "get": { "responses": { "200": { "description": "ok" } },
            "x-amazon-apigateway-integration": { "type": "mock", "requestTemplates": { "application/json": "{\"statusCode\": 200}" }, "responses": { "default": { "statusCode": "200" } } } } } } }
        """;
}
