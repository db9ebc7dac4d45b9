using System.Net;

namespace Petard.Local.Tests;

/// <summary>GetUsage, UpdateUsage, ImportApiKeys and the stage cache flushes.</summary>
public sealed class UsageTests : GatewayTestBase
{
    [Fact]
    public async Task Usage_lists_used_and_remaining_per_key_and_day_and_UpdateUsage_sets_the_remaining_quota()
    {
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", quota = new { limit = 1000, period = "MONTH" } });
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner", enabled = true });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });

        var usage = await Client.InvokeAsync("GetUsage", new { usagePlanId = plan.Id, startDate = "2026-01-01", endDate = "2026-01-03" });
        var days = usage["values"].GetProperty(key.Id!);
        Assert.Equal(3, days.GetArrayLength());
        Assert.Equal(1000, days[0][1].GetInt32());

        var updated = await Client.InvokeAsync("UpdateUsage", new { usagePlanId = plan.Id, keyId = key.Id, patchOperations = new[] { new { op = "replace", path = "/remaining", value = "10" } } });
        Assert.Equal(10, updated["values"].GetProperty(key.Id!)[0][1].GetInt32());

        var backwards = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetUsage", new { usagePlanId = plan.Id, startDate = "2026-01-03", endDate = "2026-01-01" }));
        Assert.Equal("BadRequestException", backwards.ErrorType);
        var badPatch = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateUsage", new { usagePlanId = plan.Id, keyId = key.Id, patchOperations = new[] { new { op = "replace", path = "/used", value = "1" } } }));
        Assert.Equal("BadRequestException", badPatch.ErrorType);
        var notInPlan = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateUsage", new { usagePlanId = plan.Id, keyId = "nokey00000", patchOperations = Array.Empty<object>() }));
        Assert.Equal("NotFoundException", notInPlan.ErrorType);
    }

    [Fact]
    public async Task ImportApiKeys_creates_keys_from_csv_adds_them_to_plans_and_warns_about_bad_lines()
    {
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold" });
        var csv = $"Name,Key,Description,Enabled,UsagePlanIds\npartner,abcdefghijklmnopqrstuvwxyz0123,\"first, key\",true,{plan.Id}\nshort,tooshort,,true,\n";
        var imported = await Client.InvokeAsync("ImportApiKeys", new { format = "csv", body = csv });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var id = imported["ids"].EnumerateArray().Single().GetString();
        Assert.Contains("at least 20 characters", imported["warnings"][0].GetString(), StringComparison.Ordinal);
        var key = await Client.InvokeAsync("GetApiKey", new { apiKey = id, includeValue = true });
        Assert.Equal("first, key", key.GetString("description"));
        Assert.True(key["enabled"].GetBoolean());
        Assert.Single((await Client.InvokeAsync("GetUsagePlanKeys", new { usagePlanId = plan.Id })).Items);

        var strict = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportApiKeys", new { format = "csv", failOnWarnings = true, body = "Name,Key\nx,short\n" }));
        Assert.Equal("BadRequestException", strict.ErrorType);
    }

    [Fact]
    public async Task The_stage_caches_flush_on_an_existing_stage_and_a_missing_one_is_NotFound()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("FlushStageCache", new { restApiId = apiId, stageName = "dev" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("FlushStageAuthorizersCache", new { restApiId = apiId, stageName = "dev" })).StatusCode);
        var missing = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("FlushStageCache", new { restApiId = apiId, stageName = "prod" }));
        Assert.Equal("NotFoundException", missing.ErrorType);
    }
}
