using System.Net;

namespace Petard.Local.Tests;

public sealed class StageTests : GatewayTestBase
{
    [Fact]
    public async Task CreateDeployment_with_a_stage_name_creates_the_stage_with_description_and_variables()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var deployment = await Client.InvokeAsync("CreateDeployment", new
        {
            restApiId = apiId,
            stageName = "dev",
            description = "first",
            variables = new Dictionary<string, string> { ["backend"] = "https://example.com/v1" },
        });

        Assert.Equal(HttpStatusCode.Created, deployment.StatusCode);
        Assert.Matches("^[a-z0-9]{6}$", deployment.Id);
        Assert.Equal("first", deployment.GetString("description"));

        var stage = await Client.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" });
        Assert.Equal(deployment.Id, stage.GetString("deploymentId"));
        Assert.Equal("https://example.com/v1", stage["variables"].GetProperty("backend").GetString());

        var second = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        stage = await Client.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" });
        Assert.Equal(second.Id, stage.GetString("deploymentId"));
        Assert.Equal(2, (await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items.Count);
    }

    [Fact]
    public async Task CreateDeployment_of_an_api_without_methods_is_a_BadRequest()
    {
        var apiId = await CreateApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDeployment", new { restApiId = apiId }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("doesn't contain any methods", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDeployment_of_a_method_without_integration_is_a_BadRequest_naming_it()
    {
        var apiId = await CreateApiAsync();
        var rootId = (await Client.InvokeAsync("GetResources", new { restApiId = apiId })).Items.Single().Id;
        await Client.InvokeAsync("PutMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "POST", authorizationType = "NONE" });

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("No integration defined for method", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains("POST /", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty((await Client.InvokeAsync("GetStages", new { restApiId = apiId })).Items);
    }

    [Fact]
    public async Task UpdateStage_applies_the_service_patch_paths()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var first = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "prod", variables = new Dictionary<string, string> { ["old"] = "1", ["keep"] = "2" } });
        var second = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId });

        var stage = await Client.InvokeAsync("UpdateStage", new
        {
            restApiId = apiId,
            stageName = "prod",
            patchOperations = new object[]
            {
                new { op = "replace", path = "/deploymentId", value = second.Id },
                new { op = "replace", path = "/description", value = "production" },
                new { op = "add", path = "/variables/url", value = "https://api.example.com/a?b=c&d=e" },
                new { op = "replace", path = "/variables/keep", value = "3" },
                new { op = "remove", path = "/variables/old" },
                new { op = "replace", path = "/tracingEnabled", value = "true" },
                new { op = "replace", path = "/cacheClusterEnabled", value = "true" },
                new { op = "replace", path = "/cacheClusterSize", value = "1.6" },
                new { op = "replace", path = "/*/*/logging/loglevel", value = "INFO" },
                new { op = "replace", path = "/*/*/throttling/rateLimit", value = "100.5" },
                new { op = "replace", path = "/*/*/throttling/burstLimit", value = "200" },
                new { op = "replace", path = "/~1pets/GET/metrics/enabled", value = "true" },
            },
        });

        Assert.Equal(second.Id, stage.GetString("deploymentId"));
        Assert.NotEqual(first.Id, stage.GetString("deploymentId"));
        Assert.Equal("production", stage.GetString("description"));
        var variables = stage["variables"];
        Assert.Equal("https://api.example.com/a?b=c&d=e", variables.GetProperty("url").GetString());
        Assert.Equal("3", variables.GetProperty("keep").GetString());
        Assert.False(variables.TryGetProperty("old", out _));
        Assert.True(stage["tracingEnabled"].GetBoolean());
        Assert.True(stage["cacheClusterEnabled"].GetBoolean());
        Assert.Equal("1.6", stage.GetString("cacheClusterSize"));
        var all = stage["methodSettings"].GetProperty("*/*");
        Assert.Equal("INFO", all.GetProperty("loggingLevel").GetString());
        Assert.Equal(100.5, all.GetProperty("throttlingRateLimit").GetDouble());
        Assert.Equal(200, all.GetProperty("throttlingBurstLimit").GetInt32());
        Assert.True(stage["methodSettings"].GetProperty("pets/GET").GetProperty("metricsEnabled").GetBoolean());
    }

    [Theory]
    [InlineData("/variables/bad-name", "x")]
    [InlineData("/variables/ok", "no spaces allowed")]
    [InlineData("/nonsense", "x")]
    [InlineData("/*/*/logging/loglevel", "LOUD")]
    public async Task UpdateStage_refuses_bad_patches_and_changes_nothing(string path, string value)
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        var before = Gateway.Snapshot().ToJsonString();

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateStage", new
        {
            restApiId = apiId,
            stageName = "dev",
            patchOperations = new object[]
            {
                new { op = "replace", path = "/description", value = "changed first" },
                new { op = "replace", path, value },
            },
        }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }

    [Fact]
    public async Task CreateStage_twice_is_a_ConflictException_and_bad_names_are_refused()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var deployment = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId });
        var stage = await Client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName = "beta_1-x", deploymentId = deployment.Id });
        Assert.Equal(HttpStatusCode.Created, stage.StatusCode);

        var conflict = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName = "beta_1-x", deploymentId = deployment.Id }));
        Assert.Equal("ConflictException", conflict.ErrorType);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        var badName = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName = "has.dot", deploymentId = deployment.Id }));
        Assert.Equal("BadRequestException", badName.ErrorType);

        var tooLong = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName = new string('a', 129), deploymentId = deployment.Id }));
        Assert.Equal("BadRequestException", tooLong.ErrorType);
    }

    [Fact]
    public async Task DeleteDeployment_in_use_by_a_stage_is_a_BadRequest_until_the_stage_is_deleted()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var deployment = await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("DeleteDeployment", new { restApiId = apiId, deploymentId = deployment.Id }));
        Assert.Equal("BadRequestException", error.ErrorType);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteStage", new { restApiId = apiId, stageName = "dev" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteDeployment", new { restApiId = apiId, deploymentId = deployment.Id })).StatusCode);
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetDeployment", new { restApiId = apiId, deploymentId = deployment.Id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
        Assert.Empty((await Client.InvokeAsync("GetStages", new { restApiId = apiId })).Items);
    }
}
