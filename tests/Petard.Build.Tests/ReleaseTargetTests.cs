using Petard.Build.Tests.Infrastructure;
using Petard.Local;

namespace Petard.Build.Tests;

/// <summary>A canary release run entirely from MSBuild, in-process, against an in-process LocalGateway.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ReleaseTargetTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private LocalGateway gateway = null!;
    private ProjectBuilder project = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        temp.Write("openapi.yaml", OpenApi.Yaml(path: "/v1"));
        project = new ProjectBuilder(temp.Path);
        project.Properties["PetardRestApiName"] = "HelloApi";
        project.Properties["PetardStageName"] = "prod";
        project.Properties["PetardOpenApiFile"] = "openapi.yaml";
        project.Properties["PetardEndpointUrl"] = gateway.Url;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => temp.Dispose();

    private System.Text.Json.Nodes.JsonNode Stage(string restApiId) => gateway.Snapshot()["restApis"]![restApiId]!["stages"]!["prod"]!;

    /// <summary>v1 deployed plainly, then v2 deployed at 10% with a canary variable.</summary>
    private (BuildOutcome Main, BuildOutcome Canary) DeployMainThenCanary()
    {
        var main = project.Build();
        Assert.True(main.Succeeded, main.Log.Text);
        temp.Write("openapi.yaml", OpenApi.Yaml(path: "/v2"));
        project.Properties["PetardCanaryPercent"] = "10";
        project.Items.Add("""<PetardCanaryStageVariable Include="backend" Value="canary" />""");
        var canary = project.Build();
        Assert.True(canary.Succeeded, canary.Log.Text);
        return (main, canary);
    }

    [Fact]
    public void Deploy_at_10_percent_then_PromoteCanary_serves_the_canary_with_one_UpdateStage()
    {
        var (main, canary) = DeployMainThenCanary();
        var restApiId = main.Property("PetardRestApiId");
        var canaryId = canary.Property("PetardDeploymentId");
        Assert.Equal(main.Property("PetardDeploymentId"), (string?)Stage(restApiId)["deploymentId"]);
        Assert.Equal(canaryId, (string?)Stage(restApiId)["canarySettings"]!["deploymentId"]);
        Assert.Equal(10.0, (double)Stage(restApiId)["canarySettings"]!["percentTraffic"]!);
        gateway.Calls.Clear();

        var promoted = project.Build("PromoteCanary");

        Assert.True(promoted.Succeeded, promoted.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetStage", "UpdateStage"], gateway.Calls); // read, read again before the write (PETARD1049), write
        Assert.Equal(canaryId, (string?)Stage(restApiId)["deploymentId"]);
        Assert.Null(Stage(restApiId)["canarySettings"]);
        Assert.Equal("canary", (string?)Stage(restApiId)["variables"]!["backend"]);
        Assert.Equal(canaryId, promoted.Property("PetardDeploymentId"));
        Assert.Contains($"serves deployment {canaryId}, with no canary", promoted.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("app built", promoted.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AbortCanary_removes_the_canary_and_a_second_run_writes_nothing()
    {
        var (main, _) = DeployMainThenCanary();
        var restApiId = main.Property("PetardRestApiId");

        var aborted = project.Build("AbortCanary");
        gateway.Calls.Clear();
        var again = project.Build("AbortCanary");

        Assert.True(aborted.Succeeded, aborted.Log.Text);
        Assert.True(again.Succeeded, again.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage"], gateway.Calls);
        Assert.Equal(main.Property("PetardDeploymentId"), (string?)Stage(restApiId)["deploymentId"]);
        Assert.Null(Stage(restApiId)["canarySettings"]);
    }

    [Fact]
    public void A_plain_deploy_over_the_canary_is_PETARD1041_in_the_project_file()
    {
        DeployMainThenCanary();
        project.Properties.Remove("PetardCanaryPercent");
        temp.Write("openapi.yaml", OpenApi.Yaml(path: "/v3"));

        var build = project.Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1041", error.Code);
        Assert.Equal(project.File, error.File);
        Assert.Contains("PetardCanaryPercent", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150")]
    [InlineData("10%")]
    public void A_bad_PetardCanaryPercent_is_PETARD1040_before_any_call(string percent)
    {
        project.Properties["PetardCanaryPercent"] = percent;

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1040", error.Code);
        Assert.Contains("PetardCanaryPercent", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void PetardPlan_prints_the_change_and_the_drift_writes_nothing_and_succeeds()
    {
        var (main, _) = DeployMainThenCanary();
        project.Properties.Remove("PetardCanaryPercent");
        temp.Write("openapi.yaml", OpenApi.Yaml(path: "/v3"));
        gateway.Calls.Clear();

        var plan = project.Build("PetardPlan");

        Assert.True(plan.Succeeded, plan.Log.Text);
        Assert.DoesNotContain(gateway.Calls, c => !c.StartsWith("Get", StringComparison.Ordinal));
        Assert.Contains("DeployApi would stop: Stage 'prod' has a canary", plan.Log.Text, StringComparison.Ordinal);
        Assert.Contains("Drift: stage 'prod' has a canary the build does not declare", plan.Log.Text, StringComparison.Ordinal);
        Assert.Equal(main.Property("PetardDeploymentId"), (string?)Stage(main.Property("PetardRestApiId"))["deploymentId"]);
    }

    [Fact]
    public void PetardPlan_of_an_unchanged_API_says_no_change_and_PetardFailOnDrift_fails_on_drift()
    {
        var deployed = project.Build();
        Assert.True(deployed.Succeeded, deployed.Log.Text);
        var clean = project.Build("PetardPlan", new Dictionary<string, string?> { ["PetardFailOnDrift"] = "true" });
        project.Variables["env"] = "prod";

        var drifted = project.Build("PetardPlan", new Dictionary<string, string?> { ["PetardFailOnDrift"] = "true" });

        Assert.True(clean.Succeeded, clean.Log.Text);
        Assert.Contains("Plan: no change.", clean.Log.Text, StringComparison.Ordinal);
        Assert.Contains("Drift: none on stage 'prod'.", clean.Log.Text, StringComparison.Ordinal);
        var error = Assert.Single(drifted.Log.Errors);
        Assert.Equal("PETARD1043", error.Code);
        Assert.Contains("PetardFailOnDrift", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_deploy_attaches_the_usage_plan_and_maps_the_domain_after_creating_the_stage_and_a_rerun_writes_nothing()
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var gold = await client.InvokeAsync("CreateUsagePlan", new { name = "gold" });
        await client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        project.Items.Add("""<PetardUsagePlan Include="gold" Throttle="/hello/GET=10/20" />""");
        project.Properties["PetardDomainName"] = "api.example.com";
        project.Properties["PetardBasePath"] = "hello";
        gateway.Calls.Clear();

        var first = project.Build();
        var calls = gateway.Calls.ToList();
        gateway.Calls.Clear();
        var again = project.Build();

        Assert.True(first.Succeeded, first.Log.Text);
        Assert.True(calls.IndexOf("CreateStage") < calls.IndexOf("UpdateUsagePlan"), string.Join(", ", calls));
        Assert.Single(calls, "CreateBasePathMapping");
        var restApiId = first.Property("PetardRestApiId");
        Assert.Equal(restApiId, (await client.InvokeAsync("GetBasePathMapping", new { domainName = "api.example.com", basePath = "hello" })).GetString("restApiId"));
        var apiStage = (await client.InvokeAsync("GetUsagePlan", new { usagePlanId = gold.Id }))["apiStages"][0];
        Assert.Equal(restApiId, apiStage.GetProperty("apiId").GetString());
        Assert.Equal(20, apiStage.GetProperty("throttle").GetProperty("/hello/GET").GetProperty("burstLimit").GetInt32());
        Assert.Single(calls, "UpdateUsagePlan");
        Assert.True(again.Succeeded, again.Log.Text);
        Assert.DoesNotContain(gateway.Calls, c => !c.StartsWith("Get", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Log.Warnings, w => w.Code == "PETARD2004");
    }

    [Fact]
    public void A_base_path_with_a_slash_is_PETARD1046_naming_PetardBasePath()
    {
        project.Properties["PetardDomainName"] = "api.example.com";
        project.Properties["PetardBasePath"] = "v1/hello";

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1046", error.Code);
        Assert.Contains("PetardBasePath", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void A_malformed_Throttle_of_a_PetardUsagePlan_is_PETARD1050_in_the_project_file_before_any_call()
    {
        project.Items.Add("""<PetardUsagePlan Include="gold" Throttle="/hello/GET=10" />""");

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1050", error.Code);
        Assert.Equal(project.File, error.File);
        Assert.Contains("Throttle metadata of the PetardUsagePlan items", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }
}
