using System.Xml.Linq;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Petard.Build.Tests.Infrastructure;

namespace Petard.Build.Tests;

/// <summary>
/// Which MSBuild runs the tasks how: Petard.Build.targets evaluated as .NET MSBuild (dotnet build)
/// and as .NET Framework MSBuild (Visual Studio, MSBuild.exe) 17 and 18 would evaluate it.
/// MSBuildRuntimeType and MSBuildVersion are reserved properties, so the test evaluates a copy of
/// the real targets in which only those two names are replaced by properties it can set.
/// Visual Studio itself cannot run here: what its MSBuild does with Runtime="NET" is MSBuild's
/// documented behaviour, not tested.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class TaskRuntimeTargetTests : IDisposable
{
    private static readonly string BuildFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Petard.Build", "build"));

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Core", "18.9.11", "", "", "", true)]
    [InlineData("Core", "18.9.11", "true", "TaskHostFactory", "", true)]
    [InlineData("Full", "18.0.2", "", "TaskHostFactory", "NET", true)]
    [InlineData("Full", "18.9.11", "true", "TaskHostFactory", "NET", true)]
    [InlineData("Full", "17.14.8", "", "TaskHostFactory", "NET", false)]
    public void Each_MSBuild_gets_the_task_factory_and_runtime_it_can_run(string runtimeType, string version, string petardTaskHost, string factory, string runtime, bool supported)
    {
        using var collection = new ProjectCollection(Globals(runtimeType, version, petardTaskHost));

        var project = collection.LoadProject(WriteProject());

        Assert.Equal(factory, project.GetPropertyValue("_PetardTaskFactory"));
        Assert.Equal(runtime, project.GetPropertyValue("_PetardTaskRuntime"));
        Assert.Equal(supported, project.GetPropertyValue("_PetardMSBuildSupported") == "true");
    }

    [Fact]
    public void Every_task_is_declared_with_the_chosen_factory_and_runtime()
    {
        var usingTasks = Directory.GetFiles(BuildFolder, "*.targets").SelectMany(f => XDocument.Load(f).Root!.Elements("UsingTask")).ToList();

        Assert.Equal(
            ["PetardAbortCanary", "PetardCreateDeployment", "PetardDeployApi", "PetardEnsureStage", "PetardImportRestApi", "PetardPromoteCanary", "PetardResolveRestApi", "PetardWarmUp"],
            usingTasks.Select(t => t.Attribute("TaskName")!.Value["Petard.Build.".Length..]).Order(StringComparer.Ordinal));
        Assert.All(usingTasks, t =>
        {
            Assert.Equal("$(_PetardTaskFactory)", t.Attribute("TaskFactory")?.Value);
            Assert.Equal("$(_PetardTaskRuntime)", t.Attribute("Runtime")?.Value);
        });
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("true", false)]
    public void A_deploy_warms_the_client_up_before_the_build_only_where_the_deploy_runs_in_the_same_process(string petardTaskHost, bool warms)
    {
        var builder = new ProjectBuilder(temp.Path);
        builder.Properties["PetardRestApiName"] = "HelloApi";
        builder.Properties["PetardTaskHost"] = petardTaskHost;

        var outcome = builder.Build("_PetardWarmUp");

        Assert.True(outcome.Succeeded, outcome.Log.Text);
        Assert.Equal(warms, outcome.Log.Tasks.Contains("PetardWarmUp"));
        var deployApi = XDocument.Load(Path.Combine(BuildFolder, "Petard.Build.targets")).Root!.Elements("Target").Single(t => t.Attribute("Name")!.Value == "DeployApi");
        var steps = deployApi.Attribute("DependsOnTargets")!.Value.Split(';');
        Assert.True(Array.IndexOf(steps, "_PetardWarmUp") is >= 0 and var warmUp && warmUp < Array.IndexOf(steps, "Build"), deployApi.ToString());
    }

    [Fact]
    public void Visual_Studio_before_2026_fails_with_PETARD1019_in_the_project_and_runs_no_task()
    {
        var projectFile = WriteProject();
        var logger = new RecordingLogger();
        var request = new BuildRequestData(projectFile, Globals("Full", "17.14.8", ""), null, ["DeployApi"], null);

        var result = BuildManager.DefaultBuildManager.Build(new BuildParameters { Loggers = [logger], EnableNodeReuse = false }, request);

        Assert.Equal(BuildResultCode.Failure, result.OverallResult);
        var error = Assert.Single(logger.Errors);
        Assert.Equal("PETARD1019", error.Code);
        Assert.Equal(projectFile, error.File);
        Assert.Contains("dotnet build -t:DeployApi", error.Message, StringComparison.Ordinal);
        Assert.Contains("Visual Studio 2026", error.Message, StringComparison.Ordinal);
        // Outside a package (no Petard.Build.HelpLink.props) the link base is the README itself.
        Assert.Equal("README.md#petard1019", error.HelpLink);
    }

    private static Dictionary<string, string?> Globals(string runtimeType, string version, string petardTaskHost) => new()
    {
        ["_TestMSBuildRuntimeType"] = runtimeType,
        ["_TestMSBuildVersion"] = version,
        ["PetardTaskHost"] = petardTaskHost,
    };

    // A project importing the real props and a copy of the real targets that reads the runtime and
    // version from properties the test sets; nothing else of the file differs.
    private string WriteProject()
    {
        var targets = File.ReadAllText(Path.Combine(BuildFolder, "Petard.Build.targets"));
        var copy = targets.Replace("$(MSBuildRuntimeType)", "$(_TestMSBuildRuntimeType)", StringComparison.Ordinal).Replace("$(MSBuildVersion)", "$(_TestMSBuildVersion)", StringComparison.Ordinal);
        Assert.NotEqual(targets, copy);
        temp.Write("Petard.Build.targets", copy);
        foreach (var imported in Directory.GetFiles(BuildFolder, "Petard.Build.*.targets"))
        {
            temp.Write(Path.GetFileName(imported), File.ReadAllText(imported));
        }

        temp.Write("app.proj", $"""
            <Project>
              <Import Project="{BuildFolder}/Petard.Build.props" />
              <PropertyGroup>
                <PetardRestApiName>HelloApi</PetardRestApiName>
                <PetardStageName>dev</PetardStageName>
                <PetardEndpointUrl>http://127.0.0.1:9</PetardEndpointUrl>
              </PropertyGroup>
              <Target Name="Build" />
              <Import Project="Petard.Build.targets" />
            </Project>
            """);
        return Path.Combine(temp.Path, "app.proj");
    }
}
