using System.Diagnostics;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// A whole DeployApi run against the emulator while it throttles, fails, conflicts, drops
/// connections and stalls, over real HTTP: the deploy gets through, or fails with a coded error and
/// the stage as it was.
/// </summary>
public sealed class FaultedDeployTests : GatewayScenario
{
    [Fact]
    public async Task A_redeploy_gets_through_throttling_503s_a_conflict_dropped_connections_and_latency()
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        var changed = Request("orders", Apis.Write("orders", "v2"), variables: new Dictionary<string, string> { ["release"] = "r2" });
        Inject(
            new FaultRule("GetRestApis", FaultKind.Throttle, count: 5, retryAfterSeconds: 1),
            new FaultRule("GetStage", FaultKind.ServiceUnavailable, count: 2),
            new FaultRule("GetDeployment", FaultKind.DropConnection),
            new FaultRule("PutRestApi", FaultKind.DropConnection),
            new FaultRule("PutRestApi", FaultKind.Latency, latency: TimeSpan.FromMilliseconds(300)),
            new FaultRule("CreateDeployment", FaultKind.Conflict),
            new FaultRule("CreateDeployment", FaultKind.ServiceUnavailable),
            new FaultRule("UpdateStage", FaultKind.Conflict),
            new FaultRule("UpdateStage", FaultKind.ServiceUnavailable),
            new FaultRule("*", FaultKind.Latency, count: 20, latency: TimeSpan.FromMilliseconds(25)));
        Gateway.Calls.Clear();
        var clock = Stopwatch.StartNew();

        using var client = Client();
        var result = await new PetardDeployer(client).DeployApiAsync(changed);

        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "PutRestApi", "GetDeployments", "CreateDeployment", "GetDeployments", "GetStage", "UpdateStage"], result.Calls);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(5), $"five Retry-After: 1 answers were honoured, yet the deploy took {clock.Elapsed}");
        Assert.Equal(0, Gateway.Faults.Active.Count(r => r.Kind != FaultKind.Latency));
        var state = await ReadStateAsync(result.RestApiId);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.NotEqual(first.DeploymentId, state.StageDeploymentId);
        Assert.Equal("r2", state.Variables["release"]);
        Assert.Contains("/v2", state.ResourcePaths);
        Assert.Equal(2, state.DeploymentDescriptions.Count); // one per deploy: no duplicate from a retried POST
        Assert.Equal(1, state.RestApiCount);
        ReliabilityReport.Record("Redeploy through 5× 429 (Retry-After 1 s), 503s, 409s, dropped connections, plus 25 ms latency on 20 calls and 300 ms on PutRestApi", FaultsDealt, result.Calls.Count, RequestsReceived, 1, 0, 0);
    }

    [Fact]
    public async Task A_first_deploy_gets_through_faults_on_every_write()
    {
        Inject(
            new FaultRule("ImportRestApi", FaultKind.Throttle, count: 2, retryAfterSeconds: 0),
            new FaultRule("ImportRestApi", FaultKind.ServiceUnavailable),
            new FaultRule("UpdateRestApi", FaultKind.Conflict),
            new FaultRule("CreateDeployment", FaultKind.Throttle, retryAfterSeconds: 1),
            new FaultRule("CreateStage", FaultKind.Conflict, count: 2),
            new FaultRule("CreateStage", FaultKind.DropConnection));
        var request = Request("billing", Apis.Write("billing-title", "invoices"));

        using var client = Client();
        var result = await new PetardDeployer(client).DeployApiAsync(request);

        // The dropped CreateStage may have reached the service: the workflow looks before it sends again.
        Assert.Equal(["GetRestApis", "ImportRestApi", "GetRestApis", "CreateDeployment", "GetDeployments", "CreateStage", "GetStage", "CreateStage"], result.Calls);
        var state = await ReadStateAsync(result.RestApiId);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.Single(state.DeploymentDescriptions);
        Assert.Equal(1, state.RestApiCount);
        Assert.Equal("r1", state.Variables["release"]);
        ReliabilityReport.Record("First deploy (import, rename, deploy, create stage) through 429s, 503, 409s, a dropped connection", FaultsDealt, result.Calls.Count - 2 /* not the recovery read and the resend */, RequestsReceived, 1, 0, 0);
    }

    [Theory]
    [InlineData("CreateDeployment", FaultKind.ServiceUnavailable)]
    [InlineData("UpdateStage", FaultKind.Throttle)]
    [InlineData("UpdateStage", FaultKind.Conflict)]
    [InlineData("PutRestApi", FaultKind.DropConnection)]
    public async Task Faults_that_outlast_the_retry_budget_fail_with_a_coded_error_and_leave_the_stage_as_it_was(string operation, FaultKind kind)
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        var before = await ReadStateAsync(first.RestApiId);
        Inject(new FaultRule(operation, kind, count: 1000, retryAfterSeconds: 0));
        Gateway.Calls.Clear();

        using var client = Client(Clients.FastRetry(maxAttempts: 4));
        var log = new CapturingLog();
        var error = await Assert.ThrowsAnyAsync<PetardException>(() =>
            new PetardDeployer(client, log).DeployApiAsync(Request("orders", Apis.Write("orders", "v2"), variables: new Dictionary<string, string> { ["release"] = "r2" })));

        var expectedCode = kind == FaultKind.DropConnection ? PetardErrorCodes.Unreachable : PetardErrorCodes.RetriesExhausted;
        Assert.Equal(expectedCode, error.Code);
        Assert.Contains(operation, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Gateway.Calls.CountOf(operation)); // exactly the budget, then stop
        var after = await ReadStateAsync(first.RestApiId);
        Assert.Equal(before.StageDeploymentId, after.StageDeploymentId);
        Assert.Equal(before.Variables, after.Variables);
        ReliabilityReport.Record($"Endless {kind} on {operation} (budget: 4 attempts): fails with {error.Code}, stage unchanged", FaultsDealt, log.Calls, RequestsReceived, 0, 1, 0);
    }

    [Fact]
    public async Task A_deployment_whose_answer_was_lost_is_found_by_its_fingerprint_not_created_twice()
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        Gateway.Calls.Clear();
        var handler = new LoseAnswerHandler("POST", "/deployments", count: 1);

        using var client = Client(handler: handler);
        var log = new CapturingLog();
        var result = await new PetardDeployer(client, log).DeployApiAsync(Request("orders", Apis.Write("orders", "v2")));

        Assert.Equal(1, handler.Lost);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "PutRestApi", "GetDeployments", "CreateDeployment", "GetDeployments", "GetDeployments", "GetStage", "UpdateStage"], result.Calls);
        Assert.Contains(log.Lines, l => l.StartsWith("warning: PETARD2003: CreateDeployment: the answer was lost", StringComparison.Ordinal));
        var state = await ReadStateAsync(first.RestApiId);
        Assert.Equal(2, state.DeploymentDescriptions.Count);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.NotEqual(first.DeploymentId, state.StageDeploymentId);
        ReliabilityReport.Record("Redeploy whose CreateDeployment answer is lost after the deployment was made", handler.Lost, result.Calls.Count - 1, RequestsReceived, 1, 0, 0);
    }

    [Fact]
    public async Task A_stage_whose_creation_answer_was_lost_is_read_back_not_created_twice()
    {
        var handler = new LoseAnswerHandler("POST", "/stages", count: 1);

        using var client = Client(handler: handler);
        var result = await new PetardDeployer(client).DeployApiAsync(Request("orders", Apis.Write("orders", "v1")));

        Assert.Equal(1, handler.Lost);
        Assert.Equal(["GetRestApis", "ImportRestApi", "GetRestApis", "CreateDeployment", "GetDeployments", "CreateStage", "GetStage"], result.Calls);
        var state = await ReadStateAsync(result.RestApiId);
        Assert.Equal(result.DeploymentId, state.StageDeploymentId);
        Assert.Equal("r1", state.Variables["release"]);
        ReliabilityReport.Record("First deploy whose CreateStage answer is lost after the stage was made", handler.Lost, result.Calls.Count - 1, RequestsReceived, 1, 0, 0);
    }

    [Fact]
    public async Task Without_a_fingerprint_a_lost_deployment_answer_fails_with_PETARD1015_rather_than_risk_a_duplicate()
    {
        var first = await DeployCleanlyAsync(Request("orders", Apis.Write("orders", "v1")));
        var handler = new LoseAnswerHandler("POST", "/deployments", count: 1);

        using var client = Client(handler: handler);
        var error = await Assert.ThrowsAsync<PetardException>(() =>
            new PetardDeployer(client).DeployApiAsync(new DeployApiRequest { RestApi = { Id = first.RestApiId }, Stage = { Name = "dev" }, Deployment = { Force = true } }));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("was not repeated", error.Message, StringComparison.Ordinal);
        var state = await ReadStateAsync(first.RestApiId);
        Assert.Equal(first.DeploymentId, state.StageDeploymentId);
    }
}
