using Petard.Local;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Many deploys at once in one process, as a CI build of many API projects runs them, against an
/// emulator that enforces the CreateDeployment quota (one call per interval, else 429).
/// </summary>
public sealed class ParallelDeployTests : GatewayScenario
{
    private const int Deploys = 20;
    private static readonly TimeSpan QuotaInterval = TimeSpan.FromMilliseconds(150);

    internal override LocalGatewayOptions GatewayOptions => new() { CreateDeploymentInterval = QuotaInterval };

    [Fact]
    public async Task Twenty_parallel_deploys_with_separate_clients_share_the_pacing_and_all_succeed()
    {
        var requests = Enumerable.Range(1, Deploys).Select(i => Request($"api{i:00}", Apis.Write($"api{i:00}", $"items{i}"))).ToList();
        var pacing = new PetardPacingOptions { Enabled = true };
        pacing.OperationIntervals["CreateDeployment"] = QuotaInterval;

        var results = await Task.WhenAll(requests.Select(async request =>
        {
            // One client per deploy, as separate Cake aliases create them: the process-wide pacing scope shares the buckets anyway.
            using var client = Client(pacing: pacing);
            return await new PetardDeployer(client).DeployApiAsync(request);
        }));

        var callsMade = results.Sum(r => r.Calls.Count);
        var received = Gateway.Calls.Count;
        var quotaRejections = Gateway.Calls.CountOf("CreateDeployment") - Deploys; // no other fault is scripted
        Assert.All(results, r => Assert.NotNull(r.DeploymentId));
        Assert.Equal(Deploys, results.Select(r => r.RestApiId).Distinct().Count());
        foreach (var result in results)
        {
            var state = await ReadStateAsync(result.RestApiId);
            Assert.Equal(result.DeploymentId, state.StageDeploymentId);
            Assert.Single(state.DeploymentDescriptions);
            Assert.Equal(Deploys, state.RestApiCount);
        }

        Assert.Equal(quotaRejections, received - callsMade); // every retry answered a quota 429, nothing else
        ReliabilityReport.Record($"{Deploys} parallel first deploys, CreateDeployment quota 1 per {QuotaInterval.TotalMilliseconds:0} ms, client pacing on", quotaRejections, callsMade, received, Deploys, 0, 0);
    }

    [Fact]
    public async Task Without_pacing_the_same_burst_meets_the_quota_and_only_retries_carry_it_through()
    {
        var requests = Enumerable.Range(1, Deploys).Select(i => Request($"api{i:00}", Apis.Write($"api{i:00}", $"items{i}"))).ToList();

        var results = await Task.WhenAll(requests.Select(async request =>
        {
            using var client = Client(Clients.FastRetry(maxAttempts: 20, maxTotalTime: TimeSpan.FromSeconds(60)), new PetardPacingOptions { Enabled = false });
            return await new PetardDeployer(client).DeployApiAsync(request);
        }));

        var callsMade = results.Sum(r => r.Calls.Count);
        var quotaRejections = Gateway.Calls.CountOf("CreateDeployment") - Deploys;
        Assert.True(quotaRejections >= Deploys / 2, $"unpaced, the quota should have refused many calls; it refused {quotaRejections}");
        Assert.All(results, r => Assert.NotNull(r.DeploymentId));
        ReliabilityReport.Record($"The same {Deploys} deploys with client pacing off (retries only)", quotaRejections, callsMade, Gateway.Calls.Count, Deploys, 0, 0);
    }

    [Fact]
    public async Task Throttling_has_its_own_budget_so_a_burst_against_the_quota_all_gets_through_with_eight_attempts()
    {
        var requests = Enumerable.Range(1, Deploys).Select(i => Request($"api{i:00}", Apis.Write($"api{i:00}", $"items{i}"))).ToList();

        var results = await Task.WhenAll(requests.Select(async request =>
        {
            // Eight attempts for faults, as by default; throttling waits its turn on its own budget (default 30).
            using var client = Client(Clients.FastRetry(maxAttempts: 8, maxTotalTime: TimeSpan.FromSeconds(90), maxThrottledAttempts: 30), new PetardPacingOptions { Enabled = false });
            return await new PetardDeployer(client).DeployApiAsync(request);
        }));

        Assert.All(results, r => Assert.NotNull(r.DeploymentId));
        Assert.True(Gateway.Calls.CountOf("CreateDeployment") - Deploys > 8, "the burst met the quota more than eight times in all");
    }
}
