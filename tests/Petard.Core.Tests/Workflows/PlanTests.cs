using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>The read-only plan against the emulator: no change, a change, and each kind of drift.</summary>
public sealed class PlanTests : EmulatorTestBase
{
    private DeployApiRequest Deploy(string path, double? percent = null)
    {
        var request = new DeployApiRequest { RestApi = { Name = "HelloApi" }, Stage = { Name = "prod", Variables = new Dictionary<string, string> { ["env"] = "prod" } }, Import = { OpenApiFile = Temp.Write("openapi.yaml", OpenApi.Yaml(path: path)) } };
        request.Canary.Percent = percent;
        return request;
    }

    /// <summary>Plans <paramref name="path"/> and checks that the plan wrote nothing.</summary>
    private async Task<WorkflowResult> PlanAsync(string path, bool failOnDrift = false)
    {
        var writes = Writes();
        var plan = await Deployer.PlanAsync(new PlanRequest(Deploy(path)) { FailOnDrift = failOnDrift });
        Assert.Equal(writes, Writes());
        return plan;
    }

    private int Writes() => Gateway.Calls.Count(c => !c.StartsWith("Get", StringComparison.Ordinal));

    [Fact]
    public async Task An_unchanged_API_plans_no_change_and_no_drift()
    {
        await Deployer.DeployApiAsync(Deploy("/v1"));

        var plan = await PlanAsync("/v1");

        Assert.False(plan.Changed);
        Assert.Empty(plan.Drift);
        Assert.True(plan.DryRun);
    }

    [Fact]
    public async Task A_changed_API_plans_the_import_and_deployment_without_drift()
    {
        await Deployer.DeployApiAsync(Deploy("/v1"));

        var plan = await PlanAsync("/v2");

        Assert.True(plan.Changed);
        Assert.Contains(plan.Changes, c => c.Contains("deployment", StringComparison.Ordinal));
        Assert.Empty(plan.Drift);
    }

    [Fact]
    public async Task A_stage_moved_to_a_deployment_Petard_did_not_make_is_drift()
    {
        var deployed = await Deployer.DeployApiAsync(Deploy("/v1"));
        var hotfix = await Client.InvokeAsync("CreateDeployment", new { restApiId = deployed.RestApiId, description = "console hotfix" });
        await Client.InvokeAsync("UpdateStage", new { restApiId = deployed.RestApiId, stageName = "prod", patchOperations = new[] { new { op = "replace", path = "/deploymentId", value = hotfix.Id } } });

        var plan = await PlanAsync("/v1");

        var drift = Assert.Single(plan.Drift);
        Assert.Contains($"serves deployment {hotfix.Id}, which Petard did not make", drift, StringComparison.Ordinal);
        Assert.True(plan.Changed); // the deploy would bring the stage back
    }

    [Fact]
    public async Task A_stage_setting_changed_outside_the_build_is_drift()
    {
        var deployed = await Deployer.DeployApiAsync(Deploy("/v1"));
        await Client.InvokeAsync("UpdateStage", new { restApiId = deployed.RestApiId, stageName = "prod", patchOperations = new[] { new { op = "replace", path = "/variables/env", value = "hacked" }, new { op = "replace", path = "/tracingEnabled", value = "true" } } });

        var plan = await PlanAsync("/v1");

        Assert.Equal(["stage 'prod' was changed outside the build: changed stage variable env"], plan.Drift);
        Assert.DoesNotContain(plan.Drift, d => d.Contains("hacked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_canary_the_build_does_not_declare_is_drift_and_the_plan_still_succeeds()
    {
        await Deployer.DeployApiAsync(Deploy("/v1"));
        var canary = await Deployer.DeployApiAsync(Deploy("/v2", 10));

        var plan = await PlanAsync("/v3");

        var drift = Assert.Single(plan.Drift);
        Assert.Contains($"has a canary the build does not declare (deployment {canary.DeploymentId} at 10%)", drift, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_plan_detached_a_throttle_changed_and_a_mapping_moved_outside_the_build_are_drift()
    {
        var gold = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold" });
        var silver = await Client.InvokeAsync("CreateUsagePlan", new { name = "silver" });
        await Client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", regionalCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        void Expose(ExposureSpec e)
        {
            e.UsagePlans = ["gold", "silver"];
            e.UsagePlanThrottles["silver"] = "/v1/GET=10/20";
            e.DomainName = "api.example.com";
            e.BasePath = "hello";
        }

        var deployed = await Deployer.DeployApiAsync(Exposed(Deploy("/v1"), Expose));
        var clean = await Deployer.PlanAsync(new PlanRequest(Exposed(Deploy("/v1"), Expose)));
        await Client.InvokeAsync("CreateDeployment", new { restApiId = deployed.RestApiId, stageName = "other" });
        await Client.InvokeAsync("UpdateUsagePlan", new { usagePlanId = gold.Id, patchOperations = new[] { new { op = "remove", path = "/apiStages", value = $"{deployed.RestApiId}:prod" } } });
        await Client.InvokeAsync("UpdateUsagePlan", new { usagePlanId = silver.Id, patchOperations = new[] { new { op = "replace", path = $"/apiStages/{deployed.RestApiId}:prod/throttle//v1/GET/rateLimit", value = "99" } } });
        await Client.InvokeAsync("UpdateBasePathMapping", new { domainName = "api.example.com", basePath = "hello", patchOperations = new[] { new { op = "replace", path = "/stage", value = "other" } } });
        var writes = Writes();

        var plan = await Deployer.PlanAsync(new PlanRequest(Exposed(Deploy("/v1"), Expose)));

        Assert.Empty(clean.Drift);
        Assert.Equal(writes, Writes());
        Assert.Equal(3, plan.Drift.Count);
        Assert.Contains(plan.Drift, d => d.StartsWith($"stage 'prod' is not attached to usage plan 'gold' ({gold.Id})", StringComparison.Ordinal));
        Assert.Contains(plan.Drift, d => d.StartsWith($"the throttle of /v1/GET in usage plan 'silver' ({silver.Id}) differs", StringComparison.Ordinal));
        Assert.Contains(plan.Drift, d => d == $"https://api.example.com/hello maps REST API {deployed.RestApiId} stage 'other', not this stage");
    }

    private static DeployApiRequest Exposed(DeployApiRequest request, Action<ExposureSpec> expose)
    {
        expose(request.Exposure);
        return request;
    }

    [Fact]
    public async Task FailOnDrift_turns_drift_into_PETARD1043_naming_it()
    {
        var deployed = await Deployer.DeployApiAsync(Deploy("/v1"));
        await Client.InvokeAsync("UpdateStage", new { restApiId = deployed.RestApiId, stageName = "prod", patchOperations = new[] { new { op = "remove", path = "/variables/env" } } });

        var error = await Assert.ThrowsAsync<PetardException>(() => PlanAsync("/v1", failOnDrift: true));

        Assert.Equal(PetardErrorCodes.DriftFound, error.Code);
        Assert.Contains("added stage variable env", error.Message, StringComparison.Ordinal);
        Assert.Equal(["FailOnDrift"], error.Settings);
    }

    [Fact]
    public async Task A_plan_before_the_first_deploy_plans_the_creation_and_finds_no_drift()
    {
        var plan = await PlanAsync("/v1", failOnDrift: true);

        Assert.True(plan.Changed);
        Assert.Empty(plan.Drift);
        Assert.Empty(Gateway.Snapshot()["restApis"]!.AsObject());
    }
}
