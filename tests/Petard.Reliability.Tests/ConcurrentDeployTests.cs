using Petard.Local;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Deploys of one API that race or were interrupted: one API per name, one deployment per
/// fingerprint, and a stage never moved back to an older deployment.
/// </summary>
public sealed class ConcurrentDeployTests : GatewayScenario
{
    internal override LocalGatewayOptions GatewayOptions => new() { CreateDeploymentInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task Ten_first_deploys_of_one_name_at_once_end_with_one_API_and_one_deployment()
    {
        var file = Apis.Write("shared");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var client = Client(Clients.FastRetry(maxAttempts: 30, maxTotalTime: TimeSpan.FromSeconds(60)));
            return await new PetardDeployer(client).DeployApiAsync(Request("shared", file, stage: i % 2 == 0 ? "dev" : "prod"));
        }));

        var restApiId = Assert.Single(results.Select(r => r.RestApiId).Distinct());
        var deploymentId = Assert.Single(results.Select(r => r.DeploymentId).Distinct());
        var dev = await ReadStateAsync(restApiId, "dev");
        var prod = await ReadStateAsync(restApiId, "prod");
        Assert.Equal(1, dev.RestApiCount);
        Assert.Single(dev.DeploymentDescriptions);
        Assert.Equal((deploymentId, deploymentId), (dev.StageDeploymentId, prod.StageDeploymentId));
    }

    [Fact]
    public async Task A_rerun_after_a_failed_stage_update_reuses_the_deployment_it_made()
    {
        var file = Apis.Write("orders");
        Inject(new FaultRule("CreateStage", FaultKind.ServiceUnavailable, count: 100));
        using (var failing = Client(Clients.FastRetry(maxAttempts: 2, maxTotalTime: TimeSpan.FromSeconds(5))))
        {
            await Assert.ThrowsAnyAsync<PetardException>(() => new PetardDeployer(failing).DeployApiAsync(Request("orders", file)));
        }

        Gateway.Faults.Clear();
        Gateway.Calls.Clear();
        using var client = Client();

        var result = await new PetardDeployer(client).DeployApiAsync(Request("orders", file));

        Assert.Equal(0, Gateway.Calls.CountOf("CreateDeployment"));
        var state = await ReadStateAsync(result.RestApiId);
        Assert.Single(state.DeploymentDescriptions);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.Contains(result.Changes, c => c.StartsWith("created stage 'dev'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deploy_that_resumes_after_a_newer_one_stops_with_PETARD1018_and_leaves_the_newer_deployment()
    {
        var older = Request("orders", Apis.Write("orders", "v1"));
        await DeployCleanlyAsync(older);
        var slow = Request("orders", Apis.Write("orders", "v2"));
        var newer = Request("orders", Apis.Write("orders", "v3"));
        Inject(new FaultRule("CreateDeployment", FaultKind.Latency, count: 1, latency: TimeSpan.FromSeconds(2)));
        Gateway.Calls.Clear();

        using var slowClient = Client();
        var resuming = new PetardDeployer(slowClient).DeployApiAsync(slow);
        while (Gateway.Calls.CountOf("CreateDeployment") == 0)
        {
            await Task.Delay(20);
        }

        var newest = await DeployCleanlyAsync(newer);
        var error = await Assert.ThrowsAsync<PetardException>(() => resuming);

        Assert.Equal(PetardErrorCodes.StageMoved, error.Code);
        Assert.Contains(newest.DeploymentId!, error.Message, StringComparison.Ordinal);
        Assert.Equal(newest.DeploymentId, (await ReadStateAsync(newest.RestApiId)).StageDeploymentId);
    }

    [Fact]
    public async Task A_new_API_is_created_with_the_name_of_the_setting_in_one_step()
    {
        var file = Apis.Write("Title In The File");
        Gateway.Calls.Clear();

        var result = await DeployCleanlyAsync(Request("orders", file));

        Assert.Equal(0, Gateway.Calls.CountOf("UpdateRestApi"));
        using var client = Client();
        Assert.Equal("orders", (await client.GetRestApiAsync(result.RestApiId)).GetString("name"));
    }

    [Fact]
    public async Task A_deploy_whose_API_a_concurrent_first_deploy_removed_deploys_to_the_API_kept_under_the_name()
    {
        var removed = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        WorkflowResult? kept = null;
        var concurrent = new BeforeFirstRequestHandler("PUT", $"/restapis/{removed.RestApiId}", async () =>
        {
            using var other = Client();
            await other.InvokeAsync("DeleteRestApi", new { restApiId = removed.RestApiId });
            kept = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v2")));
        });
        using var client = Client(handler: concurrent);

        var result = await new PetardDeployer(client).DeployApiAsync(Request("orders", Apis.Write("orders", "v3")));

        Assert.NotNull(kept);
        Assert.Equal(kept.RestApiId, result.RestApiId);
        var state = await ReadStateAsync(kept.RestApiId);
        Assert.Equal(1, state.RestApiCount);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.NotEqual(kept.DeploymentId, result.DeploymentId);
    }
}
