using System.Diagnostics;
using Microsoft.Build.Execution;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// Cancelling a build (Ctrl+C in dotnet build) reaches the Petard task in its task host
/// (ICancelableTask) and stops the call in flight, rather than waiting out a stalled service.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public sealed class FrontEndCancellationTests : GatewayScenario
{
    [Fact]
    public async Task Cancelling_an_MSBuild_build_stops_the_DeployApi_task_in_flight()
    {
        Inject(new FaultRule("CreateDeployment", FaultKind.Latency, latency: TimeSpan.FromMinutes(2)));
        var build = new DeployApiBuild(Apis.Folder, new Dictionary<string, string>
        {
            ["PetardRestApiName"] = "orders",
            ["PetardStageName"] = "dev",
            ["PetardOpenApiFile"] = Apis.Write("orders", "v1"),
            ["PetardEndpointUrl"] = Gateway.Url,
        });
        var finished = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var submission = build.Start();
        try
        {
            submission.ExecuteAsync(s => finished.SetResult(s.BuildResult!), null);
            using (var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (Gateway.Calls.CountOf("CreateDeployment") == 0)
                {
                    await Task.Delay(50, waiting.Token); // until the task is stalled in CreateDeployment
                }
            }

            var clock = Stopwatch.StartNew();
            BuildManager.DefaultBuildManager.CancelAllSubmissions();
            var result = await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(BuildResultCode.Success, result.OverallResult);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the build took {clock.Elapsed} to stop; the stalled call would have taken 2 min");
            Assert.Equal(0, Gateway.Calls.CountOf("CreateStage")); // the deploy went no further
        }
        finally
        {
            BuildManager.DefaultBuildManager.EndBuild();
        }
    }
}
