using System.Text.Json.Nodes;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>Canary releases against the emulator over HTTP: deploy as the canary, promote, abort, a plain deploy over a canary.</summary>
public sealed class CanaryTests : EmulatorTestBase
{
    private DeployApiRequest Deploy(string path, double? percent = null, IDictionary<string, string>? canaryVariables = null)
    {
        var request = new DeployApiRequest { RestApi = { Name = "HelloApi" }, Stage = { Name = "prod" }, Import = { OpenApiFile = Temp.Write("openapi.yaml", OpenApi.Yaml(path: path)) } };
        request.Canary.Percent = percent;
        request.Canary.StageVariables = canaryVariables;
        return request;
    }

    private JsonObject Stage(string restApiId) => Gateway.Snapshot()["restApis"]![restApiId]!["stages"]!["prod"]!.AsObject();

    /// <summary>v1 on the stage, then v2 as its canary at the share given.</summary>
    private async Task<(WorkflowResult Main, WorkflowResult Canary)> MainAndCanaryAsync(double percent, IDictionary<string, string>? canaryVariables = null)
    {
        var main = await Deployer.DeployApiAsync(Deploy("/v1"));
        var canary = await Deployer.DeployApiAsync(Deploy("/v2", percent, canaryVariables));
        return (main, canary);
    }

    [Fact]
    public async Task A_changed_API_deploys_as_the_canary_and_the_main_deployment_stays()
    {
        var (main, canary) = await MainAndCanaryAsync(10, new Dictionary<string, string> { ["backend"] = "canary" });

        var stage = Stage(main.RestApiId);
        Assert.Equal(main.DeploymentId, (string?)stage["deploymentId"]);
        Assert.NotEqual(main.DeploymentId, canary.DeploymentId);
        Assert.Equal(canary.DeploymentId, (string?)stage["canarySettings"]!["deploymentId"]);
        Assert.Equal(10.0, (double)stage["canarySettings"]!["percentTraffic"]!);
        Assert.Equal("canary", (string?)stage["canarySettings"]!["stageVariableOverrides"]!["backend"]);
        Assert.Equal(1, canary.Calls.Count(c => c == "UpdateStage"));
    }

    [Fact]
    public async Task The_same_canary_again_makes_no_write_and_a_new_share_is_one_patch()
    {
        var (main, canary) = await MainAndCanaryAsync(10);

        var again = await Deployer.DeployApiAsync(Deploy("/v2", 10));
        var wider = await Deployer.DeployApiAsync(Deploy("/v2", 50));

        Assert.False(again.Changed);
        Assert.Equal(canary.DeploymentId, again.DeploymentId);
        Assert.DoesNotContain(again.Calls, c => c is "UpdateStage" or "CreateDeployment" or "PutRestApi");
        Assert.Equal(["UpdateStage"], wider.Calls.Where(c => c.StartsWith("Update", StringComparison.Ordinal) || c.StartsWith("Create", StringComparison.Ordinal) || c == "PutRestApi"));
        Assert.Equal(50.0, (double)Stage(main.RestApiId)["canarySettings"]!["percentTraffic"]!);
        Assert.Equal(main.DeploymentId, (string?)Stage(main.RestApiId)["deploymentId"]);
    }

    [Fact]
    public async Task Promote_moves_the_stage_to_the_canary_in_one_UpdateStage_and_is_idempotent()
    {
        var (main, canary) = await MainAndCanaryAsync(10, new Dictionary<string, string> { ["backend"] = "canary" });
        var request = new PromoteCanaryRequest { RestApi = { Name = "HelloApi" }, StageName = "prod" };
        var before = Gateway.Calls.CountOf("UpdateStage");

        var promoted = await Deployer.PromoteCanaryAsync(request);
        var again = await Deployer.PromoteCanaryAsync(request);

        var stage = Stage(main.RestApiId);
        Assert.Equal(canary.DeploymentId, (string?)stage["deploymentId"]);
        Assert.Null(stage["canarySettings"]);
        Assert.Equal("canary", (string?)stage["variables"]!["backend"]);
        Assert.Equal(canary.DeploymentId, promoted.DeploymentId);
        Assert.Equal(["GetRestApis", "GetStage", "GetStage", "UpdateStage"], promoted.Calls);
        Assert.Equal(1, Gateway.Calls.CountOf("UpdateStage") - before);
        Assert.False(again.Changed);
        Assert.DoesNotContain("UpdateStage", again.Calls);
    }

    [Fact]
    public async Task Promote_stops_with_PETARD1049_when_another_release_replaced_the_canary_after_it_was_read()
    {
        var (main, canary) = await MainAndCanaryAsync(10);
        string? replacement = null;

        // Between the promotion's first read and its write, another build deploys v3 as the canary.
        using var racing = new AfterFirstStageRead(async () => replacement = (await Deployer.DeployApiAsync(Deploy("/v3", 10))).DeploymentId);
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = Gateway.Url, Credentials = new Amazon.Runtime.BasicAWSCredentials("test", "test"), HttpMessageHandler = racing });
        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).PromoteCanaryAsync(new PromoteCanaryRequest { RestApi = { Name = "HelloApi" }, StageName = "prod" }));

        Assert.Equal(PetardErrorCodes.CanaryMoved, error.Code);
        Assert.NotNull(replacement);
        Assert.NotEqual(canary.DeploymentId, replacement);
        Assert.Contains(replacement!, error.Message, StringComparison.Ordinal);
        var stage = Stage(main.RestApiId);
        Assert.Equal(main.DeploymentId, (string?)stage["deploymentId"]);
        Assert.Equal(replacement, (string?)stage["canarySettings"]!["deploymentId"]);
    }

    /// <summary>Runs <paramref name="between"/> once, after the first GetStage answered and before the caller sees it.</summary>
    private sealed class AfterFirstStageRead(Func<Task> between) : DelegatingHandler(new HttpClientHandler())
    {
        private int reads;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/stages/", StringComparison.Ordinal) && Interlocked.Increment(ref reads) == 1)
            {
                await between();
            }

            return response;
        }
    }

    [Fact]
    public async Task Abort_removes_the_canary_and_leaves_the_main_deployment()
    {
        var (main, _) = await MainAndCanaryAsync(25);
        var request = new AbortCanaryRequest { RestApi = { Name = "HelloApi" }, StageName = "prod" };

        var aborted = await Deployer.AbortCanaryAsync(request);
        var again = await Deployer.AbortCanaryAsync(request);

        var stage = Stage(main.RestApiId);
        Assert.Equal(main.DeploymentId, (string?)stage["deploymentId"]);
        Assert.Null(stage["canarySettings"]);
        Assert.Equal(main.DeploymentId, aborted.DeploymentId);
        Assert.Single(aborted.Calls, "UpdateStage");
        Assert.False(again.Changed);
    }

    [Fact]
    public async Task A_plain_deploy_of_a_changed_API_over_a_canary_is_PETARD1041_and_writes_nothing()
    {
        var (main, canary) = await MainAndCanaryAsync(10);
        var writes = Gateway.Calls.Count(c => !c.StartsWith("Get", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy("/v3")));

        Assert.Equal(PetardErrorCodes.CanaryOnStage, error.Code);
        Assert.Contains("PromoteCanary", error.Message, StringComparison.Ordinal);
        Assert.Contains(canary.DeploymentId!, error.Message, StringComparison.Ordinal);
        Assert.Equal(writes, Gateway.Calls.Count(c => !c.StartsWith("Get", StringComparison.Ordinal)));
        Assert.Equal(canary.DeploymentId, (string?)Stage(main.RestApiId)["canarySettings"]!["deploymentId"]);
    }

    [Fact]
    public async Task A_plain_deploy_of_the_unchanged_API_keeps_the_canary()
    {
        var (main, canary) = await MainAndCanaryAsync(10);

        var plain = await Deployer.DeployApiAsync(Deploy("/v1"));

        Assert.False(plain.Changed);
        Assert.Equal(main.DeploymentId, plain.DeploymentId);
        Assert.Equal(canary.DeploymentId, (string?)Stage(main.RestApiId)["canarySettings"]!["deploymentId"]);
    }

    [Fact]
    public async Task A_first_deploy_with_a_share_creates_the_stage_without_a_canary()
    {
        var first = await Deployer.DeployApiAsync(Deploy("/v1", 10));

        var stage = Stage(first.RestApiId);
        Assert.Equal(first.DeploymentId, (string?)stage["deploymentId"]);
        Assert.Null(stage["canarySettings"]);
    }

    [Fact]
    public async Task Promoting_on_a_missing_stage_is_PETARD1042()
    {
        await Deployer.DeployApiAsync(Deploy("/v1"));

        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.PromoteCanaryAsync(new PromoteCanaryRequest { RestApi = { Name = "HelloApi" }, StageName = "staging" }));

        Assert.Equal(PetardErrorCodes.StageNotFound, error.Code);
        Assert.Equal(["StageName"], error.Settings);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.5")]
    [InlineData("ten")]
    [InlineData("NaN")]
    [InlineData("10,5")]
    public void A_share_outside_0_to_100_is_PETARD1040_naming_CanaryPercent(string text)
    {
        var error = Assert.Throws<PetardException>(() => CanarySpec.ParsePercent(text));

        Assert.Equal(PetardErrorCodes.CanaryPercentInvalid, error.Code);
        Assert.Equal(["CanaryPercent"], error.Settings);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0", 0.0)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("100", 100.0)]
    public void A_share_reads_in_the_invariant_culture(string text, double? expected) => Assert.Equal(expected, CanarySpec.ParsePercent(text));

    [Fact]
    public async Task A_bad_canary_variable_is_refused_before_any_call_naming_the_canary_setting()
    {
        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy("/v1", 10, new Dictionary<string, string> { ["bad-name"] = "x" })));

        Assert.Equal(PetardErrorCodes.InvalidStageVariable, error.Code);
        Assert.Equal(["CanaryStageVariables"], error.Settings);
        Assert.Empty(Gateway.Calls);
    }
}
