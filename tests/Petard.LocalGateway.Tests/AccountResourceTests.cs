using System.Net;

namespace Petard.Local.Tests;

/// <summary>Models, API keys, domain names, base path mappings and usage plans.</summary>
public sealed class AccountResourceTests : GatewayTestBase
{
    [Fact]
    public async Task Models_have_full_crud_and_a_model_in_use_cannot_be_deleted()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var model = await Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Pet", contentType = "application/json", schema = "{\"type\":\"object\"}" });
        Assert.Equal(HttpStatusCode.Created, model.StatusCode);
        Assert.Matches("^[a-z0-9]{6}$", model.Id);
        var duplicate = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Pet", contentType = "application/json" }));
        Assert.Equal("ConflictException", duplicate.ErrorType);

        var updated = await Client.InvokeAsync("UpdateModel", new { restApiId = apiId, modelName = "Pet", patchOperations = new[] { new { op = "replace", path = "/description", value = "a pet" } } });
        Assert.Equal("a pet", updated.GetString("description"));
        Assert.Equal("a pet", (await Client.InvokeAsync("GetModel", new { restApiId = apiId, modelName = "Pet" })).GetString("description"));
        Assert.Equal(["Empty", "Error", "Pet"], (await Client.InvokeAsync("GetModels", new { restApiId = apiId })).Items.Select(m => m.GetString("name")!).Order(StringComparer.Ordinal)); // Empty and Error come with every created API

        await Client.InvokeAsync("UpdateMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "add", path = "/requestModels/application~1json", value = "Pet" } } });
        var inUse = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("DeleteModel", new { restApiId = apiId, modelName = "Pet" }));
        Assert.Equal("BadRequestException", inUse.ErrorType);
        await Client.InvokeAsync("UpdateMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "remove", path = "/requestModels/application~1json" } } });
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteModel", new { restApiId = apiId, modelName = "Pet" })).StatusCode);
    }

    [Fact]
    public async Task Api_keys_show_their_value_only_on_create_or_when_asked()
    {
        var created = await Client.InvokeAsync("CreateApiKey", new { name = "partner", enabled = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[a-z0-9]{10}$", created.Id);
        Assert.Equal(40, created.GetString("value")!.Length);

        Assert.False((await Client.InvokeAsync("GetApiKey", new { apiKey = created.Id })).Has("value"));
        Assert.Equal(created.GetString("value"), (await Client.InvokeAsync("GetApiKey", new { apiKey = created.Id, includeValue = true })).GetString("value"));
        Assert.Single((await Client.InvokeAsync("GetApiKeys", new { nameQuery = "part" })).Items);
        Assert.Empty((await Client.InvokeAsync("GetApiKeys", new { nameQuery = "other" })).Items);

        var updated = await Client.InvokeAsync("UpdateApiKey", new { apiKey = created.Id, patchOperations = new[] { new { op = "replace", path = "/enabled", value = "false" } } });
        Assert.False(updated["enabled"].GetBoolean());
        var shortValue = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateApiKey", new { name = "short", value = "tooShort" }));
        Assert.Equal("BadRequestException", shortValue.ErrorType);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteApiKey", new { apiKey = created.Id })).StatusCode);
        Assert.Equal("NotFoundException", (await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetApiKey", new { apiKey = created.Id }))).ErrorType);
    }

    [Fact]
    public async Task Domain_names_and_base_path_mappings_have_full_crud()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "prod" });
        var domain = await Client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:000000000000:certificate/x" });
        Assert.Equal(HttpStatusCode.Created, domain.StatusCode);
        Assert.EndsWith(".cloudfront.net", domain.GetString("distributionDomainName"), StringComparison.Ordinal);
        Assert.Single((await Client.InvokeAsync("GetDomainNames")).Items);
        var updatedDomain = await Client.InvokeAsync("UpdateDomainName", new { domainName = "api.example.com", patchOperations = new[] { new { op = "replace", path = "/certificateName", value = "cert" } } });
        Assert.Equal("cert", updatedDomain.GetString("certificateName"));
        Assert.Equal("cert", (await Client.InvokeAsync("GetDomainName", new { domainName = "api.example.com" })).GetString("certificateName"));

        var mapping = await Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", restApiId = apiId, stage = "prod" });
        Assert.Equal("(none)", mapping.GetString("basePath"));
        var badStage = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "v2", restApiId = apiId, stage = "nope" }));
        Assert.Equal("BadRequestException", badStage.ErrorType);
        var moved = await Client.InvokeAsync("UpdateBasePathMapping", new { domainName = "api.example.com", basePath = "(none)", patchOperations = new[] { new { op = "replace", path = "/basePath", value = "v1" } } });
        Assert.Equal("v1", moved.GetString("basePath"));
        Assert.Equal(apiId, (await Client.InvokeAsync("GetBasePathMapping", new { domainName = "api.example.com", basePath = "v1" })).GetString("restApiId"));
        Assert.Single((await Client.InvokeAsync("GetBasePathMappings", new { domainName = "api.example.com" })).Items);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteBasePathMapping", new { domainName = "api.example.com", basePath = "v1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteDomainName", new { domainName = "api.example.com" })).StatusCode);
        Assert.Equal("NotFoundException", (await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetDomainName", new { domainName = "api.example.com" }))).ErrorType);
    }

    [Fact]
    public async Task Usage_plans_cover_stages_and_hold_api_keys()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "prod" });
        var plan = await Client.InvokeAsync("CreateUsagePlan", new
        {
            name = "gold",
            apiStages = new[] { new { apiId, stage = "prod" } },
            throttle = new { burstLimit = 10, rateLimit = 5.0 },
        });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        Assert.Matches("^[a-z0-9]{6}$", plan.Id);

        var updated = await Client.InvokeAsync("UpdateUsagePlan", new
        {
            usagePlanId = plan.Id,
            patchOperations = new[]
            {
                new { op = "replace", path = "/throttle/burstLimit", value = "20" },
                new { op = "replace", path = "/quota/limit", value = "1000" },
                new { op = "replace", path = "/quota/period", value = "DAY" },
                new { op = "remove", path = "/apiStages", value = $"{apiId}:prod" },
            },
        });
        Assert.Equal(20, updated["throttle"].GetProperty("burstLimit").GetInt32());
        Assert.Equal(1000, updated["quota"].GetProperty("limit").GetInt32());
        Assert.Equal(0, updated["apiStages"].GetArrayLength());

        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner" });
        var planKey = await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });
        Assert.Equal(key.Id, planKey.Id);
        Assert.Equal("partner", (await Client.InvokeAsync("GetUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id })).GetString("name"));
        Assert.Single((await Client.InvokeAsync("GetUsagePlanKeys", new { usagePlanId = plan.Id })).Items);
        Assert.Single((await Client.InvokeAsync("GetUsagePlans", new { keyId = key.Id })).Items);
        Assert.Equal("gold", (await Client.InvokeAsync("GetUsagePlan", new { usagePlanId = plan.Id })).GetString("name"));

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id })).StatusCode);
        Assert.Empty((await Client.InvokeAsync("GetUsagePlanKeys", new { usagePlanId = plan.Id })).Items);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteUsagePlan", new { usagePlanId = plan.Id })).StatusCode);
        Assert.Empty((await Client.InvokeAsync("GetUsagePlans")).Items);
    }
}
