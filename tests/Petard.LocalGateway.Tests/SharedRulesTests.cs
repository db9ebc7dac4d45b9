using Petard.Model;
using Petard.Workflows;

namespace Petard.Local.Tests;

/// <summary>
/// The client's checks and the emulator's validation read the same service rules: for each input
/// built from the data, both accept it or both refuse it (the emulator over HTTP, as the service).
/// </summary>
public sealed class SharedRulesTests : GatewayTestBase
{
    private static ServiceRules Rules => ServiceRules.Default;

    public static TheoryData<string, string> Variables => new()
    {
        { "release", "" },
        { "release", "r 2" },
        { "release", "r\"2" },
        { "release", new string('v', Rules.VariableValue.MaxLength + 1) },
        { "bad-name", "x" },
        { new string('n', Rules.VariableName.MaxLength + 1), "x" },
        { new string('n', Rules.VariableName.MaxLength), new string('v', Rules.VariableValue.MaxLength) },
        { "url", "https://api.example.com/a?b=c&d=e,f#g~h" },
    };

    public static TheoryData<string> StageNames => new()
    {
        "has.dot",
        "has space",
        new string('s', Rules.StageName.MaxLength + 1),
        new string('s', Rules.StageName.MaxLength),
        "beta_1-x",
    };

    [Theory]
    [MemberData(nameof(Variables))]
    public async Task Client_and_emulator_agree_on_a_stage_variable(string name, string value)
    {
        var variables = new Dictionary<string, string> { [name] = value };
        var clientRefuses = Refuses(() => StageRules.ValidateVariables(variables));
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });

        var created = await RefusesAsync(() => Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "other", variables }));
        var patched = await RefusesAsync(() => Client.InvokeAsync("UpdateStage", new
        {
            restApiId = apiId,
            stageName = "dev",
            patchOperations = new[] { new { op = "replace", path = $"/variables/{name}", value } },
        }));

        Assert.Equal(clientRefuses, created);
        Assert.Equal(clientRefuses, patched);
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public async Task Client_and_emulator_agree_on_a_stage_name(string stageName)
    {
        var clientRefuses = Refuses(() => StageRules.ValidateStageName(stageName));
        var (apiId, _) = await CreateDeployableApiAsync();
        var deployment = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId });

        Assert.Equal(clientRefuses, await RefusesAsync(() => Client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName, deploymentId = deployment.Id })));
    }

    [Fact]
    public async Task Client_and_emulator_agree_on_cache_cluster_sizes()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });

        foreach (var size in Rules.CacheClusterSizes.Append("3").Append("0.50"))
        {
            var clientRefuses = Refuses(() => StageRules.ValidateCacheClusterSize(size));
            var emulatorRefuses = await RefusesAsync(() => Client.InvokeAsync("UpdateStage", new { restApiId = apiId, stageName = "dev", patchOperations = new[] { new { op = "replace", path = "/cacheClusterSize", value = size } } }));
            Assert.True(clientRefuses == emulatorRefuses, $"size {size}: client refuses {clientRefuses}, emulator {emulatorRefuses}");
        }
    }

    [Fact]
    public async Task Client_and_emulator_agree_on_method_setting_values()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        string[] candidates = ["true", "yes", "0", "-1", "100", "1.5", "3600", "3601", "INFO", "LOUD", "FAIL_WITH_403"];

        foreach (var setting in Rules.MethodSettings.All)
        {
            foreach (var value in candidates)
            {
                var path = $"/*/*/{setting.Key}";
                var emulatorRefuses = await RefusesAsync(() => Client.InvokeAsync("UpdateStage", new { restApiId = apiId, stageName = "dev", patchOperations = new[] { new { op = "replace", path, value } } }));
                Assert.True(!setting.Accepts(value) == emulatorRefuses, $"{setting.Key} = {value}: the rule accepts {setting.Accepts(value)}, the emulator refuses {emulatorRefuses}");
            }
        }
    }

    [Fact]
    public async Task An_empty_stage_variable_value_is_refused_as_the_service_documents()
    {
        var (apiId, _) = await CreateDeployableApiAsync();

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev", variables = new Dictionary<string, string> { ["release"] = "" } }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("'release'", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty((await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items);
    }

    private static bool Refuses(Action check)
    {
        try
        {
            check();
            return false;
        }
        catch (PetardException)
        {
            return true;
        }
    }

    private static async Task<bool> RefusesAsync(Func<Task> call)
    {
        try
        {
            await call();
            return false;
        }
        catch (PetardServiceException error) when (error.ErrorType == "BadRequestException")
        {
            return true;
        }
    }
}
