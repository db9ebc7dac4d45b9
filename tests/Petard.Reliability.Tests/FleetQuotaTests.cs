using Petard.Local;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// Separate build processes deploying different APIs against the service's CreateDeployment quota
/// (one per 5 s): with pacing on, they queue through the machine-wide slot instead of being
/// throttled. The full-size fleet (10 processes) is bench/fleet-quota.sh; its numbers are in
/// docs/reliability.md.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public sealed class FleetQuotaTests : GatewayScenario
{
    private const int Builds = 3;

    internal override LocalGatewayOptions GatewayOptions => new() { CreateDeploymentInterval = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Three_paced_build_processes_against_the_5_s_quota_all_deploy_and_none_is_throttled()
    {
        var builds = Enumerable.Range(0, Builds)
            .Select(i => BuildProcess.Start(DeployApiBuild.WriteDeployProject(
                Apis.Folder, $"build{i}.proj", Gateway.Url, $"api{i}", Apis.Write($"api{i}"), "dev", new Dictionary<string, string> { ["PetardPacing"] = "true" })))
            .ToList();
        try
        {
            var exits = await Task.WhenAll(builds.Select(b => b.WaitAsync(TimeSpan.FromMinutes(2))));

            Assert.All(exits.Zip(builds), e => Assert.True(e.First == 0, e.Second.Output));
            // Every CreateDeployment that reached the emulator was accepted: the processes took turns.
            Assert.Equal(Builds, Gateway.Calls.CountOf("CreateDeployment"));
            using var client = Client();
            Assert.Equal(Builds, (await client.InvokeAsync("GetRestApis")).Items.Count);
            Assert.Equal(0, ServerErrorsAnswered);
        }
        finally
        {
            builds.ForEach(b => b.Dispose());
        }
    }
}
