using TaskItem = Microsoft.Build.Utilities.TaskItem;
using Petard.Build.Tests.Infrastructure;

namespace Petard.Build.Tests;

/// <summary>The tasks with a recording build engine: coded errors with help links, before any call.</summary>
public sealed class TaskTests : IDisposable
{
    // Nothing listens here: a test that reaches the network fails instead of passing by accident.
    private const string DeadEndpoint = "http://127.0.0.1:9";

    private readonly TempFolder temp = new();
    private readonly RecordingBuildEngine engine = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Without_an_API_id_or_name_DeployApi_logs_PETARD1001_with_its_help_link()
    {
        var task = new PetardDeployApi { BuildEngine = engine, StageName = "dev", EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1001", error.Code);
        Assert.EndsWith("README.md#petard1001", error.HelpLink, StringComparison.Ordinal);
        Assert.Equal(engine.ProjectFileOfTaskNode, error.File);
        Assert.Contains("PetardRestApiName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_OpenAPI_file_is_reported_against_that_file()
    {
        var file = temp.Write("openapi.yaml", "title: no version field\n");
        var task = new PetardImportRestApi { BuildEngine = engine, RestApiName = "HelloApi", OpenApiFile = file, EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1007", error.Code);
        Assert.Equal(file, error.File);
    }

    [Fact]
    public void A_YAML_typo_is_PETARD1007_at_its_line_in_the_OpenAPI_file()
    {
        var file = temp.Write("openapi.yaml", "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n  /a:\n    get:\n      summary: [unclosed\n");
        var task = new PetardDeployApi { BuildEngine = engine, RestApiName = "HelloApi", StageName = "dev", OpenApiFile = file, EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("PETARD1007", file, 8), (error.Code, error.File, error.LineNumber));
        Assert.DoesNotContain("   at ", engine.AllText, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void A_stage_variable_without_Value_metadata_is_PETARD1005()
    {
        var task = new PetardEnsureStage { BuildEngine = engine, RestApiId = "abc123", StageName = "dev", DeploymentId = "d1", Variables = [new TaskItem("env")], EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        Assert.Equal("PETARD1005", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_stage_variable_value_is_never_echoed_in_the_error()
    {
        var variable = new TaskItem("token", new Dictionary<string, string> { ["Value"] = "s3cr3t value!" });
        var task = new PetardDeployApi { BuildEngine = engine, RestApiName = "HelloApi", StageName = "dev", Variables = [variable], EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1005", error.Code);
        Assert.DoesNotContain("s3cr3t", engine.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod stage", "PETARD1004")]
    [InlineData("dev/1", "PETARD1004")]
    public void A_bad_stage_name_is_PETARD1004(string stageName, string code)
    {
        var task = new PetardDeployApi { BuildEngine = engine, RestApiName = "HelloApi", StageName = stageName, EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        Assert.Equal(code, Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_tracing_switch_that_is_not_true_or_false_is_PETARD1014()
    {
        var task = new PetardDeployApi { BuildEngine = engine, RestApiName = "HelloApi", StageName = "dev", TracingEnabled = "yes", EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        Assert.Equal("PETARD1014", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_pacing_switch_that_is_not_true_or_false_is_PETARD1014_naming_PetardPacing()
    {
        var task = new PetardDeployApi { BuildEngine = engine, RestApiName = "HelloApi", StageName = "dev", Pacing = "sometimes", EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PETARD1014", error.Code);
        Assert.Contains("PetardPacing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_off_loopback_is_PETARD1012()
    {
        var task = new PetardResolveRestApi { BuildEngine = engine, RestApiName = "HelloApi", EndpointUrl = "http://apigateway.example.com", Region = "eu-west-1" };

        Assert.False(task.Execute());

        Assert.Equal("PETARD1012", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public async Task Cancel_stops_the_request_in_flight()
    {
        await using var server = new RawHttpServer { Answer = RawHttpServer.Silence };
        var task = new PetardResolveRestApi { BuildEngine = engine, RestApiId = "abc123", EndpointUrl = server.Url };

        var execution = Task.Run(task.Execute);
        await server.FirstRequest;
        task.Cancel();

        Assert.False(await execution);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Warnings, w => w.Message!.Contains("canceled", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unexpected_exception_is_PETARD1017_in_the_project_without_a_stack_trace()
    {
        var task = new FailingTask { BuildEngine = engine, RestApiId = "abc123", EndpointUrl = DeadEndpoint };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("PETARD1017", engine.ProjectFileOfTaskNode), (error.Code, error.File));
        Assert.Contains("InvalidOperationException: the state went wrong", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", engine.AllText, StringComparison.Ordinal);
    }

    /// <summary>A task whose workflow has a bug.</summary>
    private sealed class FailingTask : PetardTask
    {
        protected override Task<Petard.Workflows.WorkflowResult> RunAsync(Petard.Workflows.PetardDeployer deployer, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the state went wrong");
    }
}
