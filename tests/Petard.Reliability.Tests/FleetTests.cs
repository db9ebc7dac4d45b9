using Petard.Local;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// Separate <c>dotnet msbuild -t:DeployApi</c> processes against one emulator, as a CI fleet runs
/// them: no duplicate API or deployment, and a build killed mid-deploy never moves a stage back.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public sealed class FleetTests : GatewayScenario
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    internal override LocalGatewayOptions GatewayOptions => new() { CreateDeploymentInterval = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task Six_build_processes_deploying_one_new_API_end_with_one_API_and_one_deployment()
    {
        var file = Apis.Write("shared");
        var builds = Enumerable.Range(0, 6)
            .Select(i => BuildProcess.Start(Project($"build{i}.proj", "shared", file, i % 2 == 0 ? "dev" : "prod")))
            .ToList();
        try
        {
            var exits = await Task.WhenAll(builds.Select(b => b.WaitAsync(BuildTimeout)));

            Assert.All(exits.Zip(builds), e => Assert.True(e.First == 0, e.Second.Output));
            using var client = Client();
            var api = Assert.Single((await client.InvokeAsync("GetRestApis")).Items);
            var restApiId = api.Id!;
            var dev = await ReadStateAsync(restApiId, "dev");
            var prod = await ReadStateAsync(restApiId, "prod");
            Assert.Single(dev.DeploymentDescriptions);
            Assert.NotNull(dev.StageDeploymentId);
            Assert.Equal(dev.StageDeploymentId, prod.StageDeploymentId);
            Assert.Equal(0, ServerErrorsAnswered);
            ReliabilityReport.Record("6 build processes, first deploy of one API name to 2 stages, CreateDeployment quota 1 per 300 ms", 0, 0, Gateway.Calls.Count, 6, 0, 0);
        }
        finally
        {
            builds.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public async Task A_build_killed_in_CreateDeployment_never_moves_the_stage_back_after_a_newer_build_and_its_task_host_stops()
    {
        await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        Gateway.Calls.Clear();
        Inject(new FaultRule("CreateDeployment", FaultKind.Latency, count: 1, latency: TimeSpan.FromSeconds(4)));
        using var older = BuildProcess.Start(Project("older.proj", "orders", Apis.Write("orders", "v2"), "dev"));
        using (var waiting = new CancellationTokenSource(BuildTimeout))
        {
            while (Gateway.Calls.CountOf("CreateDeployment") == 0)
            {
                await Task.Delay(50, waiting.Token); // the older build's deploy is stalled in CreateDeployment
            }
        }

        older.Kill();
        using var newer = BuildProcess.Start(Project("newer.proj", "orders", Apis.Write("orders", "v3"), "dev"));
        Assert.True(await newer.WaitAsync(BuildTimeout) == 0, newer.Output);
        using var client = Client();
        var restApiId = Assert.Single((await client.InvokeAsync("GetRestApis")).Items).Id!;
        var newest = (await ReadStateAsync(restApiId)).StageDeploymentId;
        await QuietAsync(TimeSpan.FromSeconds(3)); // whatever the killed build left running has finished or given up

        var after = await ReadStateAsync(restApiId);
        Assert.True(newest == after.StageDeploymentId, $"The stage moved back; calls: {string.Join(", ", Gateway.Calls)}");
        // v1's and v3's: the orphaned task host stopped when its build was gone, so its stalled CreateDeployment was abandoned.
        Assert.True(after.DeploymentDescriptions.Count == 2, $"The killed build's task host went on deploying: {after.DeploymentDescriptions.Count} deployments; calls: {string.Join(", ", Gateway.Calls)}");
    }

    private string Project(string name, string api, string file, string stage) => DeployApiBuild.WriteDeployProject(Apis.Folder, name, Gateway.Url, api, file, stage);

    /// <summary>Waits until the emulator has received no call for <paramref name="quiet"/> (at most a minute).</summary>
    private async Task QuietAsync(TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        var seen = -1;
        while (DateTime.UtcNow < deadline && seen != Gateway.Calls.Count)
        {
            seen = Gateway.Calls.Count;
            await Task.Delay(quiet);
        }
    }
}
