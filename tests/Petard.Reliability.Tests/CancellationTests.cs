using System.Diagnostics;
using Petard.Execution;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Cancellation and timeouts over real HTTP: a token stops a call wherever it is (in flight, in a
/// retry wait, in a pacing wait), and a timeout ends an attempt or the whole call with PETARD1015.
/// The emulator's added latency stands in for a slow service. Bounds are liveness limits, far
/// above what a prompt stop takes, far below the latency a missed cancellation would wait out.
/// </summary>
public sealed class CancellationTests : GatewayScenario
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_token_cancels_a_call_in_flight_with_OperationCanceledException()
    {
        Inject(new FaultRule("GetRestApis", FaultKind.Latency, latency: Stall));
        using var client = Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("GetRestApis", cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < Prompt, $"cancelled after {clock.Elapsed}");
        Assert.Single(Gateway.Calls); // cancelled, not retried
    }

    [Fact]
    public async Task A_token_cancels_a_whole_deploy_mid_way_and_the_stage_is_left_as_it_was()
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        Inject(new FaultRule("CreateDeployment", FaultKind.Latency, latency: Stall));
        using var client = Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PetardDeployer(client).DeployApiAsync(Request("orders", Apis.Write("orders", "v2"), variables: new Dictionary<string, string> { ["release"] = "r2" }), cancellation.Token));

        Assert.True(clock.Elapsed < Prompt, $"cancelled after {clock.Elapsed}");
        var state = await ReadStateAsync(first.RestApiId);
        Assert.Equal(first.DeploymentId, state.StageDeploymentId);
        Assert.Equal("r1", state.Variables["release"]);
        Assert.Single(state.DeploymentDescriptions); // the stalled CreateDeployment was abandoned before it ran
    }

    [Fact]
    public async Task A_token_cancels_the_wait_between_retries()
    {
        Inject(new FaultRule("GetRestApis", FaultKind.Throttle, count: 100, retryAfterSeconds: 30));
        using var client = Client(Clients.FastRetry(maxTotalTime: TimeSpan.FromMinutes(10)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("GetRestApis", cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < Prompt, $"cancelled after {clock.Elapsed}");
        Assert.Single(Gateway.Calls);
    }

    [Fact]
    public async Task A_token_cancels_a_pacing_wait()
    {
        var pacing = new PetardPacingOptions { Enabled = true };
        pacing.OperationIntervals["GetRestApis"] = TimeSpan.FromSeconds(30);
        using var client = Client(pacing: pacing);
        await client.InvokeAsync("GetRestApis"); // takes the only token: the next call waits 33 s
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("GetRestApis", cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < Prompt, $"cancelled after {clock.Elapsed}");
        Assert.Single(Gateway.Calls); // the paced call never left
    }

    [Fact]
    public void A_cancelled_wait_gives_its_slot_back_only_when_no_later_caller_holds_one()
    {
        var bucket = new TokenBucket(ratePerSecond: 0.01, capacity: 1); // one token per 100 s

        Assert.Equal(TimeSpan.Zero, bucket.Take(out _));
        Assert.InRange(bucket.Take(out var cancelled), TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(100));
        bucket.Return(cancelled);
        Assert.InRange(bucket.Take(out var second), TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(100)); // the same slot again
        Assert.InRange(bucket.Take(out _), TimeSpan.FromSeconds(199), TimeSpan.FromSeconds(200));
        bucket.Return(second); // a later caller holds the 200 s slot: giving 100 s back would book it twice
        Assert.InRange(bucket.Take(out _), TimeSpan.FromSeconds(299), TimeSpan.FromSeconds(300));
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_retried_then_reported_as_PETARD1015_naming_the_setting()
    {
        Inject(new FaultRule("GetRestApis", FaultKind.Latency, count: 2, latency: Stall));
        using var client = Client(Clients.FastRetry(maxAttempts: 2, attemptTimeout: TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("GetRestApis: no answer from", error.Message, StringComparison.Ordinal);
        Assert.Contains("within 0.3 s (PetardRetryOptions.AttemptTimeout)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Gateway.Calls.Count);
    }

    [Fact]
    public async Task The_total_time_bounds_an_attempt_too()
    {
        Inject(new FaultRule("GetRestApis", FaultKind.Latency, latency: Stall));
        using var client = Client(Clients.FastRetry(maxTotalTime: TimeSpan.FromMilliseconds(400), attemptTimeout: TimeSpan.FromSeconds(60)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("(what was left of PetardRetryOptions.MaxTotalTime)", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Prompt, $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_deployment_that_timed_out_is_looked_for_then_sent_again_once()
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        Inject(new FaultRule("CreateDeployment", FaultKind.Latency, latency: Stall));
        Gateway.Calls.Clear();
        using var client = Client(Clients.FastRetry(attemptTimeout: TimeSpan.FromSeconds(2)));

        var result = await new PetardDeployer(client).DeployApiAsync(Request("orders", Apis.Write("orders", "v2")));

        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "PutRestApi", "GetDeployments", "CreateDeployment", "GetDeployments", "CreateDeployment", "GetDeployments", "GetStage", "UpdateStage"], result.Calls);
        var state = await ReadStateAsync(first.RestApiId);
        Assert.Equal(2, state.DeploymentDescriptions.Count);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        ReliabilityReport.Record("Redeploy whose CreateDeployment stalls past the attempt timeout (2 s)", DelaysDealt, result.Calls.Count - 2, RequestsReceived, 1, 0, 0);
    }
}
