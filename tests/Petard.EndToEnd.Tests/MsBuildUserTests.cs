using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// Petard.Build as a user meets it: the packed package from a nuget.config feed, a real
/// `dotnet build -t:DeployApi` process, against an in-process emulator; checked with the AWS CLI.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class MsBuildUserTests(PackedFeed feed) : IAsyncLifetime
{
    private static readonly string[] Writes = ["ImportRestApi", "PutRestApi", "UpdateRestApi", "CreateDeployment", "CreateStage", "UpdateStage"];

    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task The_sample_deploys_prints_its_invoke_URL_and_redeploys_with_no_write()
    {
        var sample = feed.CopyFromRepo(Path.Combine("samples", "HelloApi"));

        var first = await DeployAsync(sample);

        Assert.True(first.ExitCode == 0, first.ToString());
        var restApiId = gateway.Snapshot()["restApis"]!.AsObject().Single().Key;
        Assert.Matches($@"HelloApi -> stage 'dev' of REST API {restApiId} \(.*created stage 'dev'.*\): {Regex.Escape(gateway.Url)}restapis/{restApiId}/dev/_user_request_", first.Output);
        Assert.Equal(["GetRestApis", "ImportRestApi", "GetRestApis", "CreateDeployment", "GetDeployments", "CreateStage"], gateway.Calls);

        // The real AWS CLI, a client we did not write, sees the stage as Petard left it.
        var cli = await ProcessRunner.RunAsync(
            "/usr/bin/aws",
            ["--endpoint-url", gateway.Url, "--region", "us-east-1", "--output", "json", "apigateway", "get-stage", "--rest-api-id", restApiId, "--stage-name", "dev"],
            sample,
            new Dictionary<string, string?>(feed.Environment) { ["AWS_ACCESS_KEY_ID"] = "petard-e2e", ["AWS_SECRET_ACCESS_KEY"] = "petard-e2e-secret", ["AWS_PAGER"] = "" });
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var stage = JsonDocument.Parse(cli.Output);
        Assert.Equal("hello", stage.RootElement.GetProperty("variables").GetProperty("greeting").GetString());
        Assert.Equal("HelloApi, deployed by Petard.Build", stage.RootElement.GetProperty("description").GetString());
        var deploymentId = stage.RootElement.GetProperty("deploymentId").GetString();

        gateway.Calls.Clear();
        var second = await DeployAsync(sample);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain(gateway.Calls, Writes.Contains);
        Assert.Contains($"deployment {deploymentId}", second.Output, StringComparison.Ordinal);
        Assert.Contains($"HelloApi -> stage 'dev' of REST API {restApiId} (up to date): ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_separate_build_step_dotnet_msbuild_PetardDeployApi_deploys_without_building()
    {
        var sample = feed.CopyFromRepo(Path.Combine("samples", "HelloApi"));
        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", $"-p:PetardBuildVersion={feed.Version}", "-p:NuGetAudit=false"],
            sample,
            feed.Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(gateway.Calls);

        // The CI deploy step of the README: the deploy target alone, no restore, no build.
        var deploy = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["msbuild", "-t:PetardDeployApi", "-nr:false", $"-p:PetardEndpointUrl={gateway.Url}", $"-p:PetardBuildVersion={feed.Version}", "-p:NuGetAudit=false"],
            sample,
            feed.Environment);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("HelloApi -> stage 'dev' of REST API ", deploy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("HelloApi.dll", deploy.Output, StringComparison.Ordinal);
        Assert.Contains("CreateStage", gateway.Calls);
    }

    [Fact]
    public async Task The_printed_invoke_URL_answers_with_HttpClient_and_curl()
    {
        var sample = feed.CopyFromRepo(Path.Combine("samples", "HelloApi"));

        var deploy = await DeployAsync(sample);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        var invokeUrl = Regex.Match(deploy.Output, @"http://127\.0\.0\.1:\d+/restapis/\w+/dev/_user_request_").Value;
        Assert.False(string.IsNullOrEmpty(invokeUrl), deploy.Output);
        using var http = new HttpClient();
        var answer = await http.GetStringAsync(new Uri(invokeUrl + "/hello"));
        Assert.Equal("""{"message": "Hello, hello!"}""", answer.Trim());

        var curl = await ProcessRunner.RunAsync("/usr/bin/curl", ["--silent", "--show-error", "--fail", invokeUrl + "/hello"], sample, feed.Environment);
        Assert.True(curl.ExitCode == 0, curl.ToString());
        Assert.Equal(answer.Trim(), curl.Output.Trim());
    }

    [Fact]
    public async Task An_unknown_API_id_fails_the_build_with_PETARD1002_and_changes_nothing()
    {
        var project = WriteProject("unknown-api", "<PetardRestApiId>nosuch1234</PetardRestApiId>");
        var before = gateway.Snapshot().ToJsonString();

        var build = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["build", "--disable-build-servers", "-t:DeployApi", "-v:d", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false"], project, feed.Environment);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error PETARD1002: No REST API has the id 'nosuch1234'", build.Output, StringComparison.Ordinal);
        Assert.Equal(["GetRestApi"], gateway.Calls);
        Assert.Equal(before, gateway.Snapshot().ToJsonString());

        // The task ran from the package's tasks/ folder in the build's own process (the default on .NET
        // MSBuild, docs/task-host.md), with AWSSDK.Core and the rest resolved beside it.
        Assert.Contains("tasks/net10.0/Petard.Build.dll", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("external task host", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_request_in_flight()
    {
        await using var server = new RawHttpServer { Answer = RawHttpServer.Silence };
        var project = WriteProject("hanging", "<PetardRestApiId>abc1234567</PetardRestApiId>");

        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-t:DeployApi", $"-p:PetardEndpointUrl={server.Url}", "-p:NuGetAudit=false"],
            project,
            feed.Environment,
            started: async process =>
            {
                await server.FirstRequest;
                using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await interrupt.WaitForExitAsync();
            });

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Petard: canceled; the call in flight was abandoned.", build.Output, StringComparison.Ordinal);
    }

    private string WriteProject(string name, string properties) => UserProjects.Write(feed, name, properties);

    private Task<ProcessResult> DeployAsync(string sample) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-t:DeployApi", $"-p:PetardEndpointUrl={gateway.Url}", $"-p:PetardBuildVersion={feed.Version}", "-p:NuGetAudit=false"],
            sample,
            feed.Environment);
}
