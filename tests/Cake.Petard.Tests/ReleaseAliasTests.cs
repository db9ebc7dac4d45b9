using Cake.Core;
using Cake.Petard.Tests.Fakes;
using Petard;
using Petard.Local;

namespace Cake.Petard.Tests;

/// <summary>A canary release from a Cake script's aliases, in a fake Cake context against an in-process emulator.</summary>
public sealed class ReleaseAliasTests : IAsyncLifetime, IDisposable
{
    private readonly PetsApi api = new();
    private LocalGateway gateway = null!;
    private FakeCakeContext context = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        context = new FakeCakeContext(api.Folder);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => api.Dispose();

    private PetardDeployApiSettings Deploy() =>
        new PetardDeployApiSettings { RestApiName = "pets", StageName = "prod", OpenApiFile = PetsApi.FileName }.WithEndpointUrl(gateway.Url);

    /// <summary>The pets API deployed, then changed and deployed at 10% with a canary variable.</summary>
    private (string RestApiId, string? Main, string? Canary) MainThenCanary()
    {
        var main = context.PetardDeployApi(Deploy());
        File.WriteAllText(Path.Combine(api.Folder, PetsApi.FileName), PetsApi.Definition.Replace("\"/pets\"", "\"/cats\"", StringComparison.Ordinal));
        var canary = context.PetardDeployApi(Deploy().WithCanary(10).WithCanaryStageVariable("backend", "canary"));
        return (main.RestApiId, main.DeploymentId, canary.DeploymentId);
    }

    private async Task<Resource> StageAsync(string restApiId)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        return await client.InvokeAsync("GetStage", new { restApiId, stageName = "prod" });
    }

    [Fact]
    public async Task PetardPromoteCanary_serves_the_canary_deployment_with_its_variables()
    {
        var (restApiId, main, canary) = MainThenCanary();
        Assert.Equal(main, (await StageAsync(restApiId)).GetString("deploymentId"));

        var promoted = context.PetardPromoteCanary(new PetardPromoteCanarySettings { RestApiName = "pets", StageName = "prod" }.WithEndpointUrl(gateway.Url));

        var stage = await StageAsync(restApiId);
        Assert.Equal(canary, stage.GetString("deploymentId"));
        Assert.False(stage.Has("canarySettings"));
        Assert.Equal("canary", stage["variables"].GetProperty("backend").GetString());
        Assert.Equal(canary, promoted.DeploymentId);
        Assert.Single(promoted.Calls, "UpdateStage");
    }

    [Fact]
    public async Task PetardAbortCanary_keeps_the_main_deployment()
    {
        var (restApiId, main, _) = MainThenCanary();

        var aborted = context.PetardAbortCanary(new PetardAbortCanarySettings { RestApiName = "pets", StageName = "prod" }.WithEndpointUrl(gateway.Url));

        var stage = await StageAsync(restApiId);
        Assert.Equal(main, stage.GetString("deploymentId"));
        Assert.False(stage.Has("canarySettings"));
        Assert.True(aborted.Changed);
    }

    [Fact]
    public void A_share_over_100_fails_the_task_with_PETARD1040_before_any_call()
    {
        var error = Assert.Throws<CakeException>(() => context.PetardDeployApi(Deploy().WithCanary(101)));

        Assert.StartsWith(PetardErrorCodes.CanaryPercentInvalid + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("CanaryPercent", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void PetardPlan_reports_the_leftover_canary_as_drift_and_FailOnDrift_fails_the_task()
    {
        var (_, _, canary) = MainThenCanary();
        var writes = gateway.Calls.Count(c => !c.StartsWith("Get", StringComparison.Ordinal));

        var deploy = Deploy();
        var plan = context.PetardPlan(new PetardPlanSettings(deploy));
        var error = Assert.Throws<CakeException>(() => context.PetardPlan(new PetardPlanSettings(Deploy()) { FailOnDrift = true }));

        Assert.Contains(plan.Drift, d => d.Contains($"has a canary the build does not declare (deployment {canary} at 10%)", StringComparison.Ordinal));
        Assert.StartsWith(PetardErrorCodes.DriftFound + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("FailOnDrift", error.Message, StringComparison.Ordinal);
        Assert.Equal(writes, gateway.Calls.Count(c => !c.StartsWith("Get", StringComparison.Ordinal)));
        Assert.Contains(context.FakeLog.Lines, line => line.Text.StartsWith("Drift: ", StringComparison.Ordinal));
        Assert.False(deploy.DryRun); // the script can deploy with the settings it planned
    }

    [Fact]
    public async Task PetardDeployApi_attaches_the_usage_plan_and_maps_the_domain()
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var gold = await client.InvokeAsync("CreateUsagePlan", new { name = "gold" });
        await client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });

        var deployed = context.PetardDeployApi(Deploy().WithUsagePlan("gold").WithDomain("api.example.com", "pets"));

        Assert.Equal(deployed.RestApiId, (await client.InvokeAsync("GetBasePathMapping", new { domainName = "api.example.com", basePath = "pets" })).GetString("restApiId"));
        Assert.Equal(deployed.RestApiId, (await client.InvokeAsync("GetUsagePlan", new { usagePlanId = gold.Id }))["apiStages"][0].GetProperty("apiId").GetString());
    }
}
