namespace Petard.Local.Tests.DataPlane;

/// <summary>API keys and usage plans (403 Forbidden), usage plan throttle and quota, stage throttling (429).</summary>
public sealed class EnforcementTests : DataPlaneTestBase
{
    private const string KeyValue = "local-test-key-0123456789";

    private static readonly string KeyedApi = Api($"""
          /orders:
            get:
              security:
                - api_key: []
        {Mock("get", """{"ok": true}""").Split('\n', 2)[1]}
          /open:
        {Mock("get", """{"ok": true}""")}
        components:
          securitySchemes:
            api_key:
              type: apiKey
              name: x-api-key
              in: header
        """);

    [Theory]
    [InlineData("no header", 403)]
    [InlineData("unknown key", 403)]
    [InlineData("disabled key", 403)]
    [InlineData("key in no plan of the stage", 403)]
    [InlineData("key in a plan of the stage", 200)]
    public async Task An_api_key_method_needs_an_enabled_key_in_a_usage_plan_of_the_stage(string situation, int status)
    {
        var apiId = await DeployAsync(KeyedApi);
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "prod" });
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner", value = KeyValue, enabled = situation != "disabled key" });
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId, stage = situation == "key in no plan of the stage" ? "prod" : "dev" } } });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });
        var headers = situation switch
        {
            "no header" => new Dictionary<string, string>(),
            "unknown key" => new Dictionary<string, string> { ["x-api-key"] = "some-other-key-value-000000" },
            _ => new Dictionary<string, string> { ["x-api-key"] = KeyValue },
        };

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        var open = await CallAsync("GET", InvokeUrl(apiId, "/open"));

        Assert.Equal(status, answer.Status);
        if (status == 403)
        {
            Assert.Equal("""{"message":"Forbidden"}""", answer.Body);
        }

        Assert.Equal(200, open.Status);
    }

    [Theory]
    [InlineData("throttle", """{"message":"Too Many Requests"}""")]
    [InlineData("quota", """{"message":"Limit Exceeded"}""")]
    public async Task A_usage_plan_limits_its_keys_with_429(string limit, string body)
    {
        var apiId = await DeployAsync(KeyedApi);
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner", value = KeyValue, enabled = true });
        var plan = limit == "throttle"
            ? await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId, stage = "dev" } }, throttle = new { burstLimit = 2, rateLimit = 0.001 } })
            : await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId, stage = "dev" } }, quota = new { limit = 2, period = "DAY" } });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });
        var headers = new Dictionary<string, string> { ["x-api-key"] = KeyValue };

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers)).Status);
        }

        var over = await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers);
        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(body, over.Body);
    }

    [Fact]
    public async Task Stage_method_settings_throttle_with_429()
    {
        var apiId = await DeployAsync(KeyedApi);
        await PatchStageAsync(apiId, ("/*/*/throttling/rateLimit", "0.001"), ("/*/*/throttling/burstLimit", "1"));

        var first = await CallAsync("GET", InvokeUrl(apiId, "/open"));
        var second = await CallAsync("GET", InvokeUrl(apiId, "/open"));

        Assert.Equal(200, first.Status);
        Assert.Equal(429, second.Status);
        Assert.Equal("""{"message":"Too Many Requests"}""", second.Body);
        Assert.Equal("TooManyRequestsException", second.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_reset_clears_the_usage_counts_and_throttle_buckets_even_for_the_same_ids()
    {
        var apiId = await DeployAsync(KeyedApi);
        await PatchStageAsync(apiId, ("/*/*/throttling/rateLimit", "0.001"), ("/*/*/throttling/burstLimit", "1"));
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner", value = KeyValue, enabled = true });
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId, stage = "dev" } }, quota = new { limit = 1, period = "DAY" } });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = plan.Id, keyId = key.Id, keyType = "API_KEY" });
        var headers = new Dictionary<string, string> { ["x-api-key"] = KeyValue };
        Assert.Equal(200, (await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers)).Status);
        Assert.Equal(429, (await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers)).Status);
        Assert.Equal(200, (await CallAsync("GET", InvokeUrl(apiId, "/open"))).Status);
        Assert.Equal(429, (await CallAsync("GET", InvokeUrl(apiId, "/open"))).Status);
        var fixture = Gateway.Snapshot();

        await ResetAsync();

        // The same plan, key and API again (as a suite replaying a fixture gets them): nothing used yet.
        Gateway.Restore(fixture);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var usage = await Client.InvokeAsync("GetUsage", new { usagePlanId = plan.Id, startDate = today, endDate = today });
        Assert.Equal("[[0,1]]", usage["values"].GetProperty(key.Id!).GetRawText());
        Assert.Equal(200, (await CallAsync("GET", InvokeUrl(apiId, "/orders"), headers: headers)).Status);
        Assert.Equal(200, (await CallAsync("GET", InvokeUrl(apiId, "/open"))).Status);

        // And what is created anew after the reset counts from nothing too.
        await ResetAsync();
        var freshApi = await DeployAsync(KeyedApi);
        var freshKey = await Client.InvokeAsync("CreateApiKey", new { name = "partner", value = KeyValue, enabled = true });
        var freshPlan = await Client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId = freshApi, stage = "dev" } }, quota = new { limit = 1, period = "DAY" } });
        await Client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = freshPlan.Id, keyId = freshKey.Id, keyType = "API_KEY" });
        Assert.Equal(200, (await CallAsync("GET", InvokeUrl(freshApi, "/orders"), headers: headers)).Status);
    }

    private async Task ResetAsync()
    {
        using var http = SignedHttp();
        using var reset = await http.DeleteAsync("_petard/state");
        Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
    }
}
