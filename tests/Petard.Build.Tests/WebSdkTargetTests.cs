using Microsoft.Build.Execution;
using Petard.Build.Tests.Infrastructure;

namespace Petard.Build.Tests;

/// <summary>
/// A real Microsoft.NET.Sdk.Web project (restored and compiled in-process, no package from a feed) with
/// Petard's props and targets imported as NuGet imports them (Directory.Build.props/.targets stand in).
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class WebSdkTargetTests : IDisposable
{
    private static readonly string BuildFolder = ProjectBuilder.BuildFolder;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_web_project_without_an_OpenAPI_file_or_the_generator_fails_DeployApi_with_PETARD1006_in_its_project_file()
    {
        temp.Write("Directory.Build.props", $"""
            <Project>
              <Import Project="{BuildFolder}/Petard.Build.props" />
              <PropertyGroup><PetardTasksAssembly>{typeof(PetardDeployApi).Assembly.Location}</PetardTasksAssembly></PropertyGroup>
            </Project>
            """);
        temp.Write("Directory.Build.targets", $"""<Project><Import Project="{BuildFolder}/Petard.Build.targets" /></Project>""");
        temp.Write("Program.cs", "Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();");
        var project = temp.Write("WebApp.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PetardRestApiName>WebApp</PetardRestApiName>
                <PetardStageName>dev</PetardStageName>
                <PetardEndpointUrl>http://127.0.0.1:9</PetardEndpointUrl>
              </PropertyGroup>
            </Project>
            """);

        var restore = Build(project, "Restore", new Dictionary<string, string?> { ["MSBuildRestoreSessionId"] = Guid.NewGuid().ToString() });
        Assert.True(restore.Succeeded, restore.Log.Text + string.Join("\n", restore.Log.Errors.Select(e => e.Message)));
        var build = Build(project, "DeployApi", new Dictionary<string, string?>());

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Log.Errors);
        Assert.Equal(("PETARD1006", project), (error.Code, error.File));
        Assert.Contains("Microsoft.Extensions.ApiDescription.Server", error.Message, StringComparison.Ordinal);
        Assert.Contains("set PetardOpenApiFile", error.Message, StringComparison.Ordinal);
    }

    private static BuildOutcome Build(string project, string target, Dictionary<string, string?> globals)
    {
        var logger = new RecordingLogger();
        var parameters = new BuildParameters { Loggers = [logger], EnableNodeReuse = false, DisableInProcNode = false };
        var request = new BuildRequestData(project, globals, null, [target], null, BuildRequestDataFlags.ClearCachesAfterBuild | BuildRequestDataFlags.ProvideProjectStateAfterBuild);
        return new BuildOutcome(BuildManager.DefaultBuildManager.Build(parameters, request), logger);
    }
}
