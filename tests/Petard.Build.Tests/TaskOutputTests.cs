using Petard.Local;
using Petard.Build.Tests.Infrastructure;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace Petard.Build.Tests;

/// <summary>The single-step tasks, composed as a hand-written target would, against the emulator: their outputs.</summary>
public sealed class TaskOutputTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private readonly RecordingBuildEngine engine = new();
    private LocalGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await LocalGateway.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Import_resolve_deploy_and_ensure_the_stage_step_by_step()
    {
        var file = temp.Write("openapi.yaml", OpenApi.Yaml());

        var import = new PetardImportRestApi { BuildEngine = engine, EndpointUrl = gateway.Url, RestApiName = "StepApi", OpenApiFile = file };
        Assert.True(import.Execute(), engine.AllText);
        Assert.False(string.IsNullOrEmpty(import.RestApiId));

        var resolve = new PetardResolveRestApi { BuildEngine = engine, EndpointUrl = gateway.Url, RestApiName = "StepApi" };
        Assert.True(resolve.Execute(), engine.AllText);
        Assert.Equal(import.RestApiId, resolve.RestApiId);

        var deploy = new PetardCreateDeployment { BuildEngine = engine, EndpointUrl = gateway.Url, RestApiId = resolve.RestApiId, StageName = "test", OpenApiFile = file, Triggers = [new TaskItem("v1")] };
        Assert.True(deploy.Execute(), engine.AllText);
        Assert.False(string.IsNullOrEmpty(deploy.DeploymentId));

        var stage = new PetardEnsureStage
        {
            BuildEngine = engine,
            EndpointUrl = gateway.Url,
            RestApiId = resolve.RestApiId,
            StageName = "test",
            DeploymentId = deploy.DeploymentId,
            Variables = [new TaskItem("env", new Dictionary<string, string> { ["Value"] = "test" })],
        };
        Assert.True(stage.Execute(), engine.AllText);
        Assert.Equal(deploy.DeploymentId, stage.DeploymentId);
        Assert.Equal($"{gateway.Url}restapis/{resolve.RestApiId}/test/_user_request_", stage.InvokeUrl);

        // The same file and trigger again: the stage's deployment is current, nothing is created.
        gateway.Calls.Clear();
        var again = new PetardCreateDeployment { BuildEngine = engine, EndpointUrl = gateway.Url, RestApiId = resolve.RestApiId, StageName = "test", OpenApiFile = file, Triggers = [new TaskItem("v1")] };
        Assert.True(again.Execute(), engine.AllText);
        Assert.Equal(deploy.DeploymentId, again.DeploymentId);
        Assert.Equal(0, gateway.Calls.CountOf("CreateDeployment"));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_dry_run_task_outputs_the_plan_and_writes_nothing()
    {
        var file = temp.Write("openapi.yaml", OpenApi.Yaml());
        var task = new PetardDeployApi { BuildEngine = engine, EndpointUrl = gateway.Url, RestApiName = "DryApi", StageName = "dev", OpenApiFile = file, DryRun = true };

        Assert.True(task.Execute(), engine.AllText);

        Assert.True(task.Changed);
        Assert.Equal("", task.RestApiId);
        Assert.Null(task.InvokeUrl);
        Assert.Equal(["GetRestApis"], gateway.Calls);
        Assert.Contains("Would have created REST API 'DryApi'", engine.AllText, StringComparison.Ordinal);
    }
}
