using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>Usage plans and custom domain mappings against the emulator: attached once, never detached or taken over.</summary>
public sealed class ExposureTests : EmulatorTestBase
{
    private const string Domain = "api.example.com";
    private DeployApiRequest Deploy(Action<ExposureSpec> exposure, string name = "HelloApi")
    {
        var request = new DeployApiRequest { RestApi = { Name = name }, Stage = { Name = "prod" }, Import = { OpenApiFile = Temp.Write(name + ".yaml", OpenApi.Yaml(title: name)) } };
        exposure(request.Exposure);
        return request;
    }

    private async Task<Resource> UsagePlanAsync(string name) => await Client.InvokeAsync("CreateUsagePlan", new { name });

    private async Task<string[]> ApiStagesAsync(string usagePlanId) =>
        (await Client.InvokeAsync("GetUsagePlan", new { usagePlanId }))["apiStages"].EnumerateArray().Select(s => $"{s.GetProperty("apiId").GetString()}:{s.GetProperty("stage").GetString()}").ToArray();

    [Fact]
    public async Task A_first_deploy_attaches_the_stage_to_its_usage_plans_after_creating_it_and_a_rerun_writes_nothing()
    {
        var gold = await UsagePlanAsync("gold");
        var silver = await UsagePlanAsync("silver");

        var first = await Deployer.DeployApiAsync(Deploy(e => e.UsagePlans = ["gold", silver.Id!]));
        var again = await Deployer.DeployApiAsync(Deploy(e => e.UsagePlans = ["gold", silver.Id!]));

        Assert.Equal([$"{first.RestApiId}:prod"], await ApiStagesAsync(gold.Id!));
        Assert.Equal([$"{first.RestApiId}:prod"], await ApiStagesAsync(silver.Id!));
        var calls = first.Calls.ToList();
        Assert.True(calls.IndexOf("CreateStage") < calls.IndexOf("UpdateUsagePlan"), string.Join(", ", calls));
        Assert.Equal(2, calls.Count(c => c == "UpdateUsagePlan"));
        Assert.False(again.Changed);
        Assert.DoesNotContain("UpdateUsagePlan", again.Calls);
    }

    [Fact]
    public async Task Another_stage_of_the_plan_stays_attached()
    {
        var gold = await UsagePlanAsync("gold");
        var other = await Deployer.DeployApiAsync(Deploy(e => e.UsagePlans = ["gold"], name: "OtherApi"));

        var mine = await Deployer.DeployApiAsync(Deploy(e => e.UsagePlans = ["gold"]));

        Assert.Equal([$"{other.RestApiId}:prod", $"{mine.RestApiId}:prod"], await ApiStagesAsync(gold.Id!));
    }

    [Fact]
    public async Task Method_throttles_are_set_with_the_attachment_in_one_call_changed_alone_and_kept_on_rerun()
    {
        var gold = await UsagePlanAsync("gold");

        var first = await Deployer.DeployApiAsync(Deploy(e => { e.UsagePlans = ["gold"]; e.UsagePlanThrottles["gold"] = "/pets/GET=100/200; /pets/{id}/DELETE=2.5/5"; }));
        var again = await Deployer.DeployApiAsync(Deploy(e => { e.UsagePlans = ["gold"]; e.UsagePlanThrottles["gold"] = "/pets/GET=100/200; /pets/{id}/DELETE=2.5/5"; }));
        var before = Gateway.Calls.CountOf("UpdateUsagePlan");
        var changed = await Deployer.DeployApiAsync(Deploy(e => { e.UsagePlans = ["gold"]; e.UsagePlanThrottles["gold"] = "/pets/GET=50/100"; }));

        Assert.Single(first.Calls, "UpdateUsagePlan");
        Assert.False(again.Changed);
        Assert.Single(changed.Calls, "UpdateUsagePlan");
        Assert.Equal(1, Gateway.Calls.CountOf("UpdateUsagePlan") - before);
        var stage = Assert.Single((await Client.InvokeAsync("GetUsagePlan", new { usagePlanId = gold.Id }))["apiStages"].EnumerateArray());
        var throttle = stage.GetProperty("throttle");
        Assert.Equal(50, throttle.GetProperty("/pets/GET").GetProperty("rateLimit").GetDouble());
        Assert.Equal(100, throttle.GetProperty("/pets/GET").GetProperty("burstLimit").GetInt32());
        Assert.Equal(2.5, throttle.GetProperty("/pets/{id}/DELETE").GetProperty("rateLimit").GetDouble()); // not declared any more, never removed
        Assert.Contains(changed.Changes, c => c.Contains("throttle /pets/GET=50/100", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pets/GET=1/2")]
    [InlineData("/pets/get=1/2")]
    [InlineData("/pets/GET=1")]
    [InlineData("/pets/GET=fast/2")]
    [InlineData("/pets/GET=1/2.5")]
    [InlineData("/GET=1/2")]
    public async Task A_malformed_method_throttle_is_PETARD1050_naming_the_setting_before_any_call(string throttle)
    {
        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => { e.UsagePlans = ["gold"]; e.UsagePlanThrottles["gold"] = throttle; })));

        Assert.Equal(PetardErrorCodes.UsagePlanThrottleInvalid, error.Code);
        Assert.Equal(["UsagePlanThrottles"], error.Settings);
        Assert.Contains(throttle, error.Message, StringComparison.Ordinal);
        Assert.Empty(Gateway.Calls);
    }

    [Fact]
    public async Task An_unknown_usage_plan_is_PETARD1044_naming_UsagePlans()
    {
        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => e.UsagePlans = ["platinum"])));

        Assert.Equal(PetardErrorCodes.UsagePlanNotFound, error.Code);
        Assert.Equal(["UsagePlans"], error.Settings);
    }

    [Fact]
    public async Task A_base_path_is_mapped_once_and_unchanged_on_rerun()
    {
        await Client.InvokeAsync("CreateDomainName", new { domainName = Domain, certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });

        var first = await Deployer.DeployApiAsync(Deploy(e => { e.DomainName = Domain; e.BasePath = "orders"; }));
        var again = await Deployer.DeployApiAsync(Deploy(e => { e.DomainName = Domain; e.BasePath = "orders"; }));

        var mapping = await Client.InvokeAsync("GetBasePathMapping", new { domainName = Domain, basePath = "orders" });
        Assert.Equal(first.RestApiId, mapping.GetString("restApiId"));
        Assert.Equal("prod", mapping.GetString("stage"));
        Assert.Single(first.Calls, "CreateBasePathMapping");
        Assert.False(again.Changed);
        Assert.DoesNotContain(again.Calls, c => c.EndsWith("BasePathMapping", StringComparison.Ordinal) && !c.StartsWith("Get", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_base_path_of_another_API_is_PETARD1048_and_is_not_taken_over()
    {
        await Client.InvokeAsync("CreateDomainName", new { domainName = Domain, certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        var other = await Deployer.DeployApiAsync(Deploy(e => { e.DomainName = Domain; e.BasePath = "orders"; }, name: "OtherApi"));

        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => { e.DomainName = Domain; e.BasePath = "orders"; })));

        Assert.Equal(PetardErrorCodes.BasePathTaken, error.Code);
        Assert.Contains(other.RestApiId, error.Message, StringComparison.Ordinal);
        Assert.Equal(other.RestApiId, (await Client.InvokeAsync("GetBasePathMapping", new { domainName = Domain, basePath = "orders" })).GetString("restApiId"));
    }

    [Fact]
    public async Task An_empty_base_path_beside_other_mappings_is_PETARD1048()
    {
        await Client.InvokeAsync("CreateDomainName", new { domainName = Domain, certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        await Deployer.DeployApiAsync(Deploy(e => { e.DomainName = Domain; e.BasePath = "orders"; }, name: "OtherApi"));

        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => e.DomainName = Domain)));

        Assert.Equal(PetardErrorCodes.BasePathTaken, error.Code);
        Assert.Contains("empty base path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_domain_is_PETARD1047()
    {
        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => { e.DomainName = "nope.example.com"; e.BasePath = "orders"; })));

        Assert.Equal(PetardErrorCodes.DomainNameNotFound, error.Code);
        Assert.Equal(["DomainName"], error.Settings);
    }

    [Theory]
    [InlineData("api.example.com", "v1/orders")]
    [InlineData(null, "orders")]
    public async Task A_bad_base_path_is_PETARD1046_before_any_call(string? domainName, string basePath)
    {
        var error = await Assert.ThrowsAsync<PetardException>(() => Deployer.DeployApiAsync(Deploy(e => { e.DomainName = domainName; e.BasePath = basePath; })));

        Assert.Equal(PetardErrorCodes.BasePathInvalid, error.Code);
        Assert.Empty(Gateway.Calls);
    }
}
