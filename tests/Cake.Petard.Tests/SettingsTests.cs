using Cake.Core;
using Cake.Petard.Tests.Fakes;
using Petard.Workflows;

namespace Cake.Petard.Tests;

public class SettingsTests
{
    [Fact]
    public void Fluent_setters_keep_the_settings_subtype_through_a_chain()
    {
        // Each call after a base-class setter uses a member only the subtype has: this compiles only if the type is kept.
        PetardDeployApiSettings settings = new PetardDeployApiSettings()
            .WithRegion("eu-west-1")
            .WithRestApiName("hello")
            .WithStageName("dev")
            .WithOpenApiFile("api/openapi.yaml")
            .WithStageVariable("env", "dev")
            .WithTrigger("1.2.3")
            .WithProfile("ci")
            .WithForceDeploy();

        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("ci", settings.Profile);
        Assert.Equal("hello", settings.RestApiName);
        Assert.Equal("dev", settings.StageName);
        Assert.Equal("api/openapi.yaml", settings.OpenApiFile!.FullPath);
        Assert.Equal("dev", settings.Variables!["env"]);
        Assert.Equal(["1.2.3"], settings.Triggers);
        Assert.True(settings.ForceDeploy);
    }

    [Fact]
    public void Setters_shared_by_several_settings_classes_set_each_ones_own_property()
    {
        var deployment = new PetardCreateDeploymentSettings().WithStageName("dev").WithOpenApiFile("a.json").WithEndpointUrl("http://127.0.0.1:1");
        var stage = new PetardEnsureStageSettings().WithStageName("dev").WithDeploymentId("d1").WithDryRun();
        var import = new PetardImportRestApiSettings().WithOpenApiFile("a.json").WithPutMode(PutMode.Merge).WithCreateRestApi(false).WithFailOnWarnings();

        Assert.Equal(("dev", "a.json", "http://127.0.0.1:1"), (deployment.StageName, deployment.OpenApiFile!.FullPath, deployment.EndpointUrl));
        Assert.Equal(("dev", "d1", true), (stage.StageName, stage.DeploymentId, stage.DryRun));
        Assert.Equal((PutMode.Merge, false, true), (import.PutMode, import.CreateRestApi, import.FailOnWarnings));
    }

    [Fact]
    public void A_setter_on_no_settings_names_the_missing_argument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ((PetardDeployApiSettings)null!).WithStageVariable("env", "dev"));

        Assert.Equal("settings", error.ParamName);
    }

    [Fact]
    public void Stage_variables_are_left_alone_until_one_is_declared()
    {
        // Null means "leave the stage's variables as they are"; an empty set would remove them all.
        var settings = new PetardDeployApiSettings { RestApiName = "hello", StageName = "dev" };
        Assert.Null(settings.Request.Stage.Variables);

        settings.WithStageVariable("a", "1").WithStageVariable("b", "2").WithStageVariable("a", "3");
        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2" }, settings.Request.Stage.Variables);
    }

    [Fact]
    public void A_relative_OpenAPI_file_is_resolved_from_the_Cake_working_directory_and_named_in_Cake_words()
    {
        var context = new FakeCakeContext("/builds/hello");
        var settings = new PetardDeployApiSettings { RestApiName = "hello", StageName = "dev", OpenApiFile = "api/openapi.yaml" }.WithEndpointUrl("http://127.0.0.1:9");

        var error = Assert.Throws<CakeException>(() => context.PetardDeployApi(settings));

        Assert.StartsWith("PETARD1006: The OpenAPI file '/builds/hello/api/openapi.yaml' does not exist. Check OpenApiFile;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MSBuild", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PetardOpenApiFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_are_the_core_request_with_flat_names()
    {
        var settings = new PetardDeployApiSettings
        {
            RestApiId = "abc123",
            RestApiName = "hello",
            StageName = "dev",
            StageDescription = "the dev stage",
            DeploymentDescription = "release 1",
            PutMode = PutMode.Merge,
            CreateRestApi = false,
            FailOnWarnings = true,
            DryRun = true,
        }.WithTracing().WithCacheCluster(true, "0.5").WithMethodSetting("/pets/GET/logging/loglevel", "INFO").WithMethodSetting("~1pets/POST", "throttling/rateLimit", "5");

        var request = settings.Request;

        Assert.Equal(("abc123", "hello", "dev", "the dev stage", "release 1"), (request.RestApi.Id, request.RestApi.Name, request.Stage.Name, request.Stage.Description, request.Deployment.Description));
        Assert.Equal((PutMode.Merge, false, true, true), (request.Import.PutMode, request.Import.CreateRestApi, request.Import.FailOnWarnings, request.DryRun));
        Assert.Equal((true, true, "0.5"), (request.Stage.TracingEnabled, request.Stage.CacheClusterEnabled, request.Stage.CacheClusterSize));
        Assert.Equal([new MethodSetting("/pets/GET", "logging/loglevel", "INFO"), new MethodSetting("~1pets/POST", "throttling/rateLimit", "5")], request.Stage.MethodSettings);
        Assert.Null(request.Import.OpenApiFile);
    }
}
