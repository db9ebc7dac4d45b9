using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Builds of one change to an existing API that create its deployment at once, in the same second
/// of the service's clock (createdDate has whole seconds), where only the id breaks the tie.
/// </summary>
public sealed class ConcurrentChangeTests : GatewayScenario
{
    /// <summary>
    /// Each round, one build's CreateDeployment is held 300 ms, so the other has created and looked
    /// before it: without waiting for the late one to be listed, each kept its own whenever the late
    /// one had the smaller id in the same second (about one round in three).
    /// </summary>
    [Fact]
    public async Task Two_deploys_of_one_change_whose_creations_overlap_agree_on_one_deployment_every_time()
    {
        var restApiId = (await DeployCleanlyAsync(Request("shared", Apis.Write("shared", "v0")))).RestApiId;
        for (var round = 1; round <= 6; round++)
        {
            var file = Apis.Write("shared", $"v{round}");
            Gateway.Calls.Clear();
            Inject(new FaultRule("CreateDeployment", FaultKind.Latency, count: 1, latency: TimeSpan.FromMilliseconds(300)));

            var results = await Task.WhenAll(new[] { "dev", "prod" }.Select(async stage =>
            {
                using var client = Client();
                return await new PetardDeployer(client).DeployApiAsync(Request("shared", file, stage));
            }));

            Assert.Equal(2, Gateway.Calls.CountOf("CreateDeployment"));
            var deploymentId = Assert.Single(results.Select(r => r.DeploymentId).Distinct());
            var dev = await ReadStateAsync(restApiId, "dev");
            var prod = await ReadStateAsync(restApiId, "prod");
            Assert.Equal((deploymentId, deploymentId), (dev.StageDeploymentId, prod.StageDeploymentId));
            Assert.Equal(round + 1, dev.DeploymentDescriptions.Count); // one per change: the extra one was removed by its creator
            Assert.Equal(0, ServerErrorsAnswered);
        }
    }
}
