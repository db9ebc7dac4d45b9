using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// A canary release as a team runs it: the packed Petard.Build from a feed, real `dotnet build`
/// processes on the HelloApi sample, against an in-process emulator.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ReleaseUserTests(PackedFeed feed) : IAsyncLifetime
{
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task Deploy_at_10_percent_plan_then_promote_from_dotnet_build()
    {
        var sample = feed.CopyFromRepo(Path.Combine("samples", "HelloApi"));
        var main = await BuildAsync(sample, "DeployApi");
        Assert.True(main.ExitCode == 0, main.ToString());
        var restApiId = gateway.Snapshot()["restApis"]!.AsObject().Single().Key;
        var mainDeployment = (string?)Stage(restApiId)["deploymentId"];
        File.AppendAllText(Path.Combine(sample, "openapi.yaml"), "\n# v2\n");

        var canary = await BuildAsync(sample, "DeployApi", "-p:PetardCanaryPercent=10");
        var plan = await BuildAsync(sample, "PetardPlan");
        gateway.Calls.Clear();
        var promote = await BuildAsync(sample, "PromoteCanary");

        Assert.True(canary.ExitCode == 0, canary.ToString());
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Drift: stage 'dev' has a canary the build does not declare", plan.Output, StringComparison.Ordinal);
        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.Equal(["GetRestApis", "GetStage", "GetStage", "UpdateStage"], gateway.Calls); // read, read again before the write (PETARD1049), write
        var stage = Stage(restApiId);
        Assert.NotEqual(mainDeployment, (string?)stage["deploymentId"]);
        Assert.Null(stage["canarySettings"]);
        Assert.Contains($"serves deployment {(string?)stage["deploymentId"]}, with no canary", promote.Output, StringComparison.Ordinal);
    }

    private System.Text.Json.Nodes.JsonNode Stage(string restApiId) => gateway.Snapshot()["restApis"]![restApiId]!["stages"]!["dev"]!;

    private Task<ProcessResult> BuildAsync(string sample, string target, params string[] more) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", $"-t:{target}", $"-p:PetardEndpointUrl={gateway.Url}", $"-p:PetardBuildVersion={feed.Version}", "-p:NuGetAudit=false", .. more],
            sample,
            feed.Environment);
}
