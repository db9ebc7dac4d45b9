using Amazon.Runtime;
using Cake.Core;
using Cake.Petard.Tests.Fakes;
using Petard;
using Petard.Local;

namespace Cake.Petard.Tests;

/// <summary>The aliases in a fake Cake context against an in-process emulator over HTTP.</summary>
public sealed class AliasTests : IAsyncLifetime, IDisposable
{
    private readonly PetsApi api = new();
    private LocalGateway gateway = null!;
    private FakeCakeContext context = null!;

    public async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync();
        context = new FakeCakeContext(api.Folder);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task PetardDeployApi_creates_the_API_a_deployment_and_the_stage()
    {
        var result = context.PetardDeployApi(DeploySettings().WithStageVariable("env", "dev"));

        Assert.True(result.Changed);
        Assert.Equal("dev", result.StageName);
        Assert.Contains(result.RestApiId, result.InvokeUrl, StringComparison.Ordinal);
        using var client = Client();
        var stage = await client.InvokeAsync("GetStage", new { restApiId = result.RestApiId, stageName = "dev" });
        Assert.Equal(result.DeploymentId, stage.GetString("deploymentId"));
        Assert.Equal("dev", stage["variables"].GetProperty("env").GetString());
        var apis = await client.InvokeAsync("GetRestApis");
        Assert.Equal(["pets"], apis.Items.Select(a => a.GetString("name")));
        Assert.Contains(context.FakeLog.Lines, line => line.Text.Contains("dev", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deploy_that_cannot_tell_whether_the_API_changed_warns_with_its_code_in_Cake_words()
    {
        var first = context.PetardDeployApi(DeploySettings());

        context.PetardDeployApi(new PetardDeployApiSettings { RestApiId = first.RestApiId, StageName = "dev" }.WithEndpointUrl(gateway.Url));

        var warning = Assert.Single(context.FakeLog.Lines, line => line.Level == Cake.Core.Diagnostics.LogLevel.Warning);
        Assert.StartsWith("PETARD2001: No OpenAPI file and no triggers", warning.Text, StringComparison.Ordinal);
        Assert.Contains("Set OpenApiFile, or add Triggers", warning.Text, StringComparison.Ordinal);
        Assert.EndsWith("/README.md#petard2001", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_API_Gateway_ignored_in_the_import_is_a_coded_Cake_warning()
    {
        File.WriteAllText(Path.Combine(api.Folder, PetsApi.FileName), PetsApi.Definition.Replace("\"get\": {", "\"trace\": { \"responses\": { \"200\": { \"description\": \"ok\" } } }, \"get\": {", StringComparison.Ordinal));

        context.PetardDeployApi(DeploySettings());

        var warning = Assert.Single(context.FakeLog.Lines, line => line.Level == Cake.Core.Diagnostics.LogLevel.Warning);
        Assert.StartsWith("PETARD2002: ", warning.Text, StringComparison.Ordinal);
        Assert.Contains("Unsupported HTTP method 'trace'", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_variable_values_never_reach_the_Cake_log_only_their_names()
    {
        context.PetardDeployApi(DeploySettings().WithStageVariable("backend", "sk_live_first"));
        context.PetardDeployApi(DeploySettings().WithStageVariable("backend", "sk_live_second"));

        Assert.Contains("backend", context.FakeLog.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live", context.FakeLog.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_exception_fails_the_task_as_PETARD1017_without_a_stack_trace()
    {
        var error = Assert.Throws<CakeException>(() => new PetardRunner(context).Run(DeploySettings(), (_, _) => throw new InvalidOperationException("the state went wrong")));

        Assert.StartsWith("PETARD1017: Petard failed unexpectedly (InvalidOperationException: the state went wrong)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_PetardDeployApi_with_the_same_inputs_changes_nothing()
    {
        var first = context.PetardDeployApi(DeploySettings().WithStageVariable("env", "dev"));

        var second = context.PetardDeployApi(DeploySettings().WithStageVariable("env", "dev"));

        Assert.False(second.Changed);
        Assert.Empty(second.Changes);
        Assert.Equal((first.RestApiId, first.DeploymentId, first.InvokeUrl), (second.RestApiId, second.DeploymentId, second.InvokeUrl));
        Assert.DoesNotContain(second.Calls, call => !call.StartsWith("Get", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_API_fails_the_task_with_the_PETARD_code_and_changes_nothing()
    {
        var settings = new PetardDeployApiSettings { RestApiId = "nosuchapi", StageName = "dev" }.WithEndpointUrl(gateway.Url);

        var error = Assert.Throws<CakeException>(() => context.PetardDeployApi(settings));

        Assert.StartsWith(PetardErrorCodes.RestApiNotFound + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("nosuchapi", error.Message, StringComparison.Ordinal);
        // Cake shows only the message: it ends with the link to the code's explanation, on the repository.
        var repository = System.Xml.Linq.XDocument.Load(Repository.File("build", "Packaging.props")).Descendants("PetardRepositoryUrl").Single().Value;
        Assert.EndsWith($" See {repository}/blob/main/README.md#{PetardErrorCodes.RestApiNotFound.ToLowerInvariant()}", error.Message, StringComparison.Ordinal);
        Assert.Equal(PetardErrorCodes.RestApiNotFound, Assert.IsAssignableFrom<PetardException>(error.InnerException).Code);
        Assert.DoesNotContain(gateway.Calls, operation => !operation.StartsWith("Get", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_input_is_refused_before_any_call()
    {
        var settings = DeploySettings().WithStageName("not a stage!");

        var error = Assert.Throws<CakeException>(() => context.PetardDeployApi(settings));

        Assert.StartsWith(PetardErrorCodes.InvalidStageName + ": ", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public async Task The_step_aliases_import_deploy_and_point_the_stage()
    {
        var imported = context.PetardImportRestApi(new PetardImportRestApiSettings { RestApiName = "pets", OpenApiFile = PetsApi.FileName }.WithEndpointUrl(gateway.Url));
        var deployment = context.PetardCreateDeployment(new PetardCreateDeploymentSettings { RestApiId = imported.RestApiId, StageName = "dev" }.WithOpenApiFile(PetsApi.FileName).WithEndpointUrl(gateway.Url));
        var stage = context.PetardEnsureStage(new PetardEnsureStageSettings { RestApiId = imported.RestApiId, StageName = "dev" }.WithDeploymentId(deployment.DeploymentId).WithEndpointUrl(gateway.Url));
        var again = context.PetardCreateDeployment(new PetardCreateDeploymentSettings { RestApiId = imported.RestApiId, StageName = "dev" }.WithOpenApiFile(PetsApi.FileName).WithEndpointUrl(gateway.Url));

        Assert.True(imported.Changed && deployment.Changed && stage.Changed);
        Assert.False(again.Changed);
        Assert.Equal(deployment.DeploymentId, again.DeploymentId);
        using var client = Client();
        var served = await client.InvokeAsync("GetStage", new { restApiId = imported.RestApiId, stageName = "dev" });
        Assert.Equal(deployment.DeploymentId, served.GetString("deploymentId"));
    }

    [Fact]
    public async Task A_dry_run_reports_the_plan_and_writes_nothing()
    {
        var result = context.PetardDeployApi(DeploySettings().WithDryRun());

        Assert.True(result.DryRun);
        Assert.True(result.Changed);
        Assert.DoesNotContain(gateway.Calls, operation => !operation.StartsWith("Get", StringComparison.Ordinal));
        using var client = Client();
        Assert.Empty((await client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task PetardClient_runs_any_operation_against_the_settings_endpoint()
    {
        var deployed = context.PetardDeployApi(DeploySettings());

        using var client = context.PetardClient(new PetardClientSettings().WithEndpointUrl(gateway.Url).WithRegion("eu-west-1"));
        var stages = await client.InvokeAsync("GetStages", new { restApiId = deployed.RestApiId });

        Assert.Equal("eu-west-1", client.Region);
        Assert.Equal(["dev"], stages["item"].EnumerateArray().Select(s => s.GetProperty("stageName").GetString()));
    }

    [Fact]
    public async Task Explicit_credentials_sign_the_calls_and_never_reach_the_log_or_an_error()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
        await using var verifying = await LocalGateway.StartAsync(new LocalGatewayOptions { VerifySignatures = new SigningKey("AKIDEXAMPLE", secret) });
        var settings = new PetardDeployApiSettings { RestApiName = "pets", StageName = "dev", OpenApiFile = PetsApi.FileName }.WithEndpointUrl(verifying.Url);

        var deployed = context.PetardDeployApi(settings.WithCredentials(new BasicAWSCredentials("AKIDEXAMPLE", secret)));
        var refused = Assert.Throws<CakeException>(() => context.PetardDeployApi(settings.WithCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "not" + secret))));

        Assert.True(deployed.Changed);
        Assert.StartsWith(PetardErrorCodes.ServiceError + ": ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, context.FakeLog.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, refused.ToString(), StringComparison.Ordinal);
    }

    private PetardDeployApiSettings DeploySettings() =>
        new PetardDeployApiSettings { RestApiName = "pets", StageName = "dev", OpenApiFile = PetsApi.FileName }.WithEndpointUrl(gateway.Url);

    private PetardClient Client() => PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
}
