namespace Petard.Local.Tests.DataPlane;

/// <summary>A stage's canary: percentTraffic of the requests (seeded draw) go to the canary deployment, with its stage variable overrides.</summary>
public sealed class CanaryTests : DataPlaneTestBase
{
    protected override void ConfigureOptions(LocalGatewayOptions options) => options.CanarySeed = 13;

    private static string Versioned(int version) => Api($$"""
          /v:
            get:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
                    responseTemplates:
                      application/json: '{"version": {{version}}, "color": "$stageVariables.color", "canary": $context.isCanaryRequest}'
        """);

    [Fact]
    public async Task PercentTraffic_of_the_requests_reach_the_canary_with_its_stage_variables()
    {
        var apiId = await DeployAsync(Versioned(1), variables: new Dictionary<string, string> { ["color"] = "blue" });
        await Client.InvokeAsync("PutRestApi", new { restApiId = apiId, mode = "overwrite", body = Versioned(2) });
        await Client.InvokeAsync("CreateDeployment", new
        {
            restApiId = apiId,
            stageName = "dev",
            canarySettings = new { percentTraffic = 25.0, stageVariableOverrides = new Dictionary<string, string> { ["color"] = "green" } },
        });

        var answers = new List<(int Version, string Color, bool Canary)>();
        for (var i = 0; i < 400; i++)
        {
            var json = (await CallAsync("GET", InvokeUrl(apiId, "/v"))).Json;
            answers.Add((json["version"]!.GetValue<int>(), json["color"]!.GetValue<string>(), json["canary"]!.GetValue<bool>()));
        }

        var canary = answers.Count(a => a.Version == 2);
        Assert.InRange(canary, 70, 130); // 25 % of 400, within about 3 standard deviations
        Assert.All(answers, a => Assert.Equal(a.Version == 2 ? ("green", true) : ("blue", false), (a.Color, a.Canary)));
    }

    [Fact]
    public async Task UpdateStage_moves_the_canary_traffic_and_removes_the_canary()
    {
        var apiId = await DeployAsync(Versioned(1), variables: new Dictionary<string, string> { ["color"] = "blue" });
        await Client.InvokeAsync("PutRestApi", new { restApiId = apiId, mode = "overwrite", body = Versioned(2) });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev", canarySettings = new { percentTraffic = 0.0 } });

        var none = await CallAsync("GET", InvokeUrl(apiId, "/v"));
        await PatchStageAsync(apiId, ("/canarySettings/percentTraffic", "100"), ("/canarySettings/stageVariableOverrides/color", "red"));
        var all = await CallAsync("GET", InvokeUrl(apiId, "/v"));
        await Client.InvokeAsync("UpdateStage", new { restApiId = apiId, stageName = "dev", patchOperations = new[] { new { op = "remove", path = "/canarySettings" } } });
        var removed = await CallAsync("GET", InvokeUrl(apiId, "/v"));

        Assert.Equal(1, none.Json["version"]!.GetValue<int>());
        Assert.Equal((2, "red"), (all.Json["version"]!.GetValue<int>(), all.Json["color"]!.GetValue<string>()));
        Assert.Equal(1, removed.Json["version"]!.GetValue<int>());
    }
}
