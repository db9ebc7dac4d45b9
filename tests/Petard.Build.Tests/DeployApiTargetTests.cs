using Petard.Build.Tests.Infrastructure;
using Petard.Local;

namespace Petard.Build.Tests;

/// <summary>
/// The DeployApi target built in-process (MSBuildLocator + BuildManager) against an in-process
/// LocalGateway, counting the calls the emulator received.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class DeployApiTargetTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private LocalGateway gateway = null!;
    private ProjectBuilder project = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        temp.Write("openapi.yaml", OpenApi.Yaml());
        project = new ProjectBuilder(temp.Path);
        project.Properties["PetardRestApiName"] = "HelloApi";
        project.Properties["PetardStageName"] = "dev";
        project.Properties["PetardOpenApiFile"] = "openapi.yaml";
        project.Properties["PetardEndpointUrl"] = gateway.Url;
        project.Variables["greeting"] = "hello";
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task First_deploy_creates_the_API_a_deployment_and_the_stage()
    {
        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Equal(["GetRestApis", "ImportRestApi", "GetRestApis", "CreateDeployment", "GetDeployments", "CreateStage"], gateway.Calls);
        var restApiId = build.Property("PetardRestApiId");
        var deploymentId = build.Property("PetardDeploymentId");
        Assert.Equal($"{gateway.Url}restapis/{restApiId}/dev/_user_request_", build.Property("PetardInvokeUrl"));
        // The result line says what changed, so a logger that shows only it (the terminal logger) still does.
        var result = Assert.Single(build.Log.Messages, m => m.StartsWith("app -> ", StringComparison.Ordinal));
        Assert.StartsWith($"app -> stage 'dev' of REST API {restApiId} (", result, StringComparison.Ordinal);
        Assert.Equal($"app -> stage 'dev' of REST API {restApiId} (created REST API 'HelloApi' from openapi.yaml; created deployment {deploymentId}; created stage 'dev' with variables greeting): {gateway.Url}restapis/{restApiId}/dev/_user_request_", result);

        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var stage = await client.GetStageAsync(restApiId, "dev");
        Assert.Equal(deploymentId, stage.GetString("deploymentId"));
        Assert.Equal("hello", stage["variables"].GetProperty("greeting").GetString());
        Assert.Equal("HelloApi", (await client.GetRestApiAsync(restApiId)).GetString("name"));
    }

    [Fact]
    public void An_unchanged_redeploy_makes_no_write_call_and_keeps_the_deployment()
    {
        var first = project.Build();
        gateway.Calls.Clear();

        var second = project.Build();

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment"], gateway.Calls);
        Assert.Equal(first.Property("PetardDeploymentId"), second.Property("PetardDeploymentId"));
        Assert.Contains("Stage 'dev' is up to date", second.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_variable_only_updates_the_stage()
    {
        var first = project.Build();
        gateway.Calls.Clear();
        project.Variables["greeting"] = "bonjour";

        var second = project.Build();

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "UpdateStage"], gateway.Calls);
        Assert.Equal(first.Property("PetardDeploymentId"), second.Property("PetardDeploymentId"));
        Assert.Contains("changed stage variable greeting", second.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bonjour", second.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_OpenAPI_file_is_put_and_redeployed()
    {
        var first = project.Build();
        gateway.Calls.Clear();
        temp.Write("openapi.yaml", OpenApi.Yaml(path: "/greetings"));

        var second = project.Build();

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "PutRestApi", "GetDeployments", "CreateDeployment", "GetDeployments", "GetStage", "UpdateStage"], gateway.Calls);
        Assert.NotEqual(first.Property("PetardDeploymentId"), second.Property("PetardDeploymentId"));
        Assert.Equal(first.Property("PetardRestApiId"), second.Property("PetardRestApiId"));
    }

    [Fact]
    public void A_changed_trigger_redeploys_an_unchanged_file()
    {
        project.Triggers.Add("1.0.0");
        var first = project.Build();
        gateway.Calls.Clear();
        project.Triggers[0] = "1.0.1";

        var second = project.Build();

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment", "PutRestApi", "GetDeployments", "CreateDeployment", "GetDeployments", "GetStage", "UpdateStage"], gateway.Calls);
        Assert.NotEqual(first.Property("PetardDeploymentId"), second.Property("PetardDeploymentId"));
    }

    [Fact]
    public void ForceDeploy_redeploys_an_unchanged_API()
    {
        project.Build();
        gateway.Calls.Clear();

        var forced = project.Build(globalProperties: new Dictionary<string, string?> { ["PetardForceDeploy"] = "true" });

        Assert.True(forced.Succeeded, forced.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "PutRestApi", "CreateDeployment", "GetStage", "UpdateStage"], gateway.Calls);
    }

    [Fact]
    public void Without_an_OpenAPI_file_or_triggers_an_existing_API_is_deployed_every_time()
    {
        var created = project.Build();
        project.Properties.Remove("PetardOpenApiFile");
        project.Properties["PetardRestApiId"] = created.Property("PetardRestApiId");
        gateway.Calls.Clear();

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Equal(["GetRestApi", "GetStage", "CreateDeployment", "GetStage", "UpdateStage"], gateway.Calls);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal(("PETARD2001", project.File), (warning.Code, warning.File));
        Assert.Contains("cannot tell whether the API changed", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Set PetardOpenApiFile, or add the PetardDeploymentTrigger items", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_Petard_property_on_the_command_line_is_a_coded_warning_and_case_does_not_count()
    {
        var build = project.Build(globalProperties: new Dictionary<string, string?> { ["PetardTracingEnable"] = "true", ["petardstagename"] = "dev" });

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal(("PETARD2004", project.File), (warning.Code, warning.File));
        Assert.Contains("PetardTracingEnable (set with -p: on the command line)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean PetardTracingEnabled?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_Petard_property_is_a_coded_warning_at_its_line_naming_the_closest_property()
    {
        project.Properties["PetardOpenApi"] = "openapi.yaml";

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal(("PETARD2004", project.File), (warning.Code, warning.File));
        var line = File.ReadAllLines(project.File).ToList().FindIndex(l => l.Contains("<PetardOpenApi>", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, warning.LineNumber);
        Assert.Contains("Did you mean PetardOpenApiFile?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Petard_named_property_the_project_reads_itself_is_not_a_typo()
    {
        project.Properties["PetardBuildVersion"] = "0.1.0";
        project.Properties["PackageReleaseNotes"] = "Deployed with Petard.Build $(PetardBuildVersion)";
        project.Properties["PetardOpenApi"] = "openapi.yaml";

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Contains("PetardOpenApi is not a Petard property", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_API_Gateway_ignored_in_the_import_is_a_coded_warning()
    {
        temp.Write("openapi.yaml", OpenApi.Yaml().Replace("    get:", "    trace:\n      responses: {}\n    get:", StringComparison.Ordinal));

        var build = project.Build();

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal("PETARD2002", warning.Code);
        Assert.Contains("Unsupported HTTP method 'trace'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("PetardFailOnWarnings", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_API_id_fails_the_build_with_PETARD1002_and_changes_nothing()
    {
        project.Build();
        var before = gateway.Snapshot().ToJsonString();
        gateway.Calls.Clear();
        project.Properties["PetardRestApiId"] = "nosuch1234";

        var build = project.Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1002", error.Code);
        Assert.EndsWith("#petard1002", error.HelpLink, StringComparison.Ordinal);
        Assert.Contains("nosuch1234", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GetRestApi"], gateway.Calls);
        Assert.Equal(before, gateway.Snapshot().ToJsonString());
    }

    [Fact]
    public async Task Stage_settings_are_set_once_then_left_alone()
    {
        project.Properties["PetardTracingEnabled"] = "true";
        project.MethodSettings.Add("""Include="throttling/rateLimit" Value="100" """);
        project.MethodSettings.Add("""Include="logging/loglevel" MethodPath="/hello/GET" Value="INFO" """);
        project.MethodSettings.Add("""Include="metrics/enabled" MethodPath="~1hello/GET" Value="true" """);

        var first = project.Build();
        gateway.Calls.Clear();
        var second = project.Build();

        Assert.True(first.Succeeded, first.Log.Text);
        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Equal(["GetRestApis", "GetStage", "GetDeployment"], gateway.Calls);
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var stage = await client.GetStageAsync(first.Property("PetardRestApiId"), "dev");
        Assert.True(stage["tracingEnabled"].GetBoolean());
        Assert.Equal(100.0, stage["methodSettings"].GetProperty("*/*").GetProperty("throttlingRateLimit").GetDouble());
        Assert.Equal("INFO", stage["methodSettings"].GetProperty("hello/GET").GetProperty("loggingLevel").GetString());
        Assert.True(stage["methodSettings"].GetProperty("hello/GET").GetProperty("metricsEnabled").GetBoolean());
    }

    [Fact]
    public void A_missing_OpenAPI_file_names_the_MSBuild_property_and_the_project_folder()
    {
        project.Properties["PetardOpenApiFile"] = "api/missing.yaml";

        var build = project.Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1006", error.Code);
        Assert.Equal(project.File, error.File);
        Assert.Equal($"The OpenAPI file '{Path.Combine(temp.Path, "api", "missing.yaml")}' does not exist. Check PetardOpenApiFile; relative paths start at '{temp.Path}'.", error.Message);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void A_missing_stage_name_is_PETARD1004_in_the_project_not_MSB4044()
    {
        project.Properties.Remove("PetardStageName");

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal(("PETARD1004", project.File), (error.Code, error.File));
        Assert.Contains("PetardStageName", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void A_bad_stage_name_is_PETARD1004_at_the_line_of_the_property_in_the_project()
    {
        project.Properties["PetardStageName"] = "dev stage!";

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal(("PETARD1004", project.File), (error.Code, error.File));
        var line = File.ReadAllLines(project.File).ToList().FindIndex(l => l.Contains("<PetardStageName>", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0);
        Assert.Equal(line, error.LineNumber);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void A_bad_method_setting_names_the_MSBuild_item()
    {
        project.MethodSettings.Add("""Include="logging/loglevel" MethodPath="/hello/GET" Value="LOUD" """);

        var build = project.Build();

        var error = Assert.Single(build.Log.Errors);
        Assert.Equal("PETARD1014", error.Code);
        Assert.Contains("the PetardMethodSetting items", error.Message, StringComparison.Ordinal);
        Assert.Contains("/hello/GET/logging/loglevel", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public void A_dry_run_reads_only_and_prints_the_plan()
    {
        var build = project.Build(globalProperties: new Dictionary<string, string?> { ["PetardDryRun"] = "true" });

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Equal(["GetRestApis"], gateway.Calls);
        Assert.Contains("Would have created REST API 'HelloApi'", build.Log.Text, StringComparison.Ordinal);
        Assert.Contains("Would have created stage 'dev'", build.Log.Text, StringComparison.Ordinal);
        Assert.Empty(gateway.Snapshot()["restApis"]!.AsObject());
    }

    [Theory]
    [InlineData("PetardSkip")]
    [InlineData("DesignTimeBuild")]
    public void Skip_and_design_time_builds_make_no_call(string property)
    {
        var build = project.Build(globalProperties: new Dictionary<string, string?> { [property] = "true" });

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Empty(gateway.Calls);
        Assert.Equal(property == "PetardSkip", build.Log.Text.Contains("Petard deploy skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void DeployOnBuild_deploys_after_every_Build()
    {
        var build = project.Build("Build", new Dictionary<string, string?> { ["PetardDeployOnBuild"] = "true" });

        Assert.True(build.Succeeded, build.Log.Text);
        Assert.Equal(1, gateway.Calls.CountOf("CreateStage"));
        Assert.NotEmpty(build.Property("PetardInvokeUrl"));
    }
}

[Collection(MsBuildCollection.Name)]
public sealed class MultiTargetDeployOnBuildTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_deploy_framework_the_project_does_not_build_is_warned_about_with_PETARD2005_and_nothing_deploys()
    {
        var project = new ProjectBuilder(temp.Path);
        project.Properties["PetardRestApiName"] = "HelloApi";
        project.Properties["PetardStageName"] = "dev";
        project.Properties["PetardEndpointUrl"] = "http://127.0.0.1:9";
        project.Properties["TargetFrameworks"] = "net8.0; net10.0";
        project.Properties["PetardDeployTargetFramework"] = "net6.0";

        // The outer build of a multi-targeted project, as the SDK runs it.
        var build = project.Build("Build", new Dictionary<string, string?> { ["PetardDeployOnBuild"] = "true", ["IsCrossTargetingBuild"] = "true" });

        Assert.True(build.Succeeded, build.Log.Text);
        var warning = Assert.Single(build.Log.Warnings);
        Assert.Equal("PETARD2005", warning.Code);
        Assert.Equal(project.File, warning.File);
        Assert.DoesNotContain(build.Log.Messages, m => m.Contains("REST API", StringComparison.Ordinal) && m.Contains(" -> stage", StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name)]
public sealed class MsBuildCollection
{
    /// <summary>BuildManager.DefaultBuildManager runs one build at a time.</summary>
    public const string Name = "MSBuild in-process builds";
}
