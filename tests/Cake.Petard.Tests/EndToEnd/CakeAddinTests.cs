using Petard;
using Petard.Local;

namespace Cake.Petard.Tests.EndToEnd;

/// <summary>
/// A user's build.cake loading Cake.Petard from a local feed, run by a real <c>dotnet cake</c> against an
/// in-process emulator. Each run compiles a script, so these are few.
/// </summary>
public sealed class CakeAddinTests(AddinFeed feed) : IClassFixture<AddinFeed>, IAsyncLifetime
{
    private LocalGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await LocalGateway.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task A_build_cake_deploys_then_releases_a_canary_at_10_percent_plans_and_promotes_it_with_the_addin_from_a_local_feed()
    {
        using var script = new CakeScript($$"""
            {{CakeScript.AddinDirective(feed)}}

            var endpoint = Argument<string>("endpoint");
            PetardDeployApiSettings Deploy(string file) => new PetardDeployApiSettings { RestApiName = "pets", StageName = "dev", OpenApiFile = file }
                .WithEndpointUrl(endpoint)
                .WithStageVariable("env", "dev");

            var result = PetardDeployApi(Deploy("openapi.json"));
            Information("Deployed {0} to {1}", result.RestApiId, result.InvokeUrl);
            var canary = PetardDeployApi(Deploy("openapi-v2.json").WithCanary(10));
            var plan = PetardPlan(new PetardPlanSettings(Deploy("openapi-v2.json").WithCanary(10)));
            Information("Plan: {0} change(s), {1} drift", plan.Changes.Count, plan.Drift.Count);
            var promoted = PetardPromoteCanary(new PetardPromoteCanarySettings { RestApiName = "pets", StageName = "dev" }.WithEndpointUrl(endpoint));
            Information("Canary {0} promoted; the stage serves {1}", canary.DeploymentId, promoted.DeploymentId);
            """);
        script.WriteFile(PetsApi.FileName, PetsApi.Definition);
        script.WriteFile("openapi-v2.json", PetsApi.Definition.Replace("the pets", "the pets, v2", StringComparison.Ordinal));

        var (exitCode, output) = await script.RunAsync("--endpoint=" + gateway.Url);

        Assert.True(exitCode == 0, output);
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var api = Assert.Single((await client.InvokeAsync("GetRestApis")).Items);
        var stage = await client.InvokeAsync("GetStage", new { restApiId = api.Id, stageName = "dev" });
        Assert.Equal("dev", stage["variables"].GetProperty("env").GetString());
        Assert.Contains($"Deployed {api.Id} to ", output, StringComparison.Ordinal);
        Assert.Contains("with 10% of requests on canary deployment", output, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 change(s), 0 drift", output, StringComparison.Ordinal);
        var deploymentId = stage.GetString("deploymentId");
        Assert.Contains($"Canary {deploymentId} promoted; the stage serves {deploymentId}", output, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, stage["canarySettings"].ValueKind);
        Assert.Equal(2, (await client.InvokeAsync("GetDeployments", new { restApiId = api.Id })).Items.Count);
    }

    [Fact]
    public async Task A_failing_deploy_fails_the_cake_run_with_the_code_and_a_clear_message()
    {
        using var script = new CakeScript($$"""
            {{CakeScript.AddinDirective(feed)}}

            Task("Deploy").Does(() => PetardDeployApi(new PetardDeployApiSettings { RestApiId = "nosuchapi", StageName = "dev" }.WithEndpointUrl(Argument<string>("endpoint"))));
            RunTarget("Deploy");
            """);

        var (exitCode, output) = await script.RunAsync("--endpoint=" + gateway.Url);

        Assert.NotEqual(0, exitCode);
        Assert.Matches($@"Error: {PetardErrorCodes.RestApiNotFound}: .*nosuchapi", output);
        Assert.DoesNotContain(gateway.Calls, operation => !operation.StartsWith("Get", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_call_in_flight_and_fails_the_cake_run()
    {
        await using var server = new RawHttpServer { Answer = RawHttpServer.Silence };
        using var script = new CakeScript($$"""
            {{CakeScript.AddinDirective(feed)}}

            Task("Deploy").Does(() => PetardDeployApi(new PetardDeployApiSettings { RestApiId = "abc1234567", StageName = "dev" }.WithEndpointUrl(Argument<string>("endpoint"))));
            RunTarget("Deploy");
            """);

        var (exitCode, output) = await script.RunAsync(
            ["--endpoint=" + server.Url],
            started: async process =>
            {
                await server.FirstRequest;
                // As a terminal's Ctrl+C does: the whole command, i.e. `dotnet` and the Cake process it started.
                var pid = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                using var interrupt = System.Diagnostics.Process.Start("bash", ["-c", $"kill -INT {pid} $(pgrep -P {pid})"]);
                await interrupt.WaitForExitAsync();
            });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Petard: canceled (Ctrl+C); the call in flight was abandoned.", output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repository_sample_script_deploys_the_HelloApi_sample()
    {
        // As the README's Demo runs it: the sample's own `#addin nuget:?package=Cake.Petard` line, served from the feed.
        var addins = Path.Combine(feed.Directory, "addins");
        var restore = await DotNet.RunAsync(Repository.Root, ["tool", "restore"]);
        Assert.True(restore.ExitCode == 0, restore.Output);

        var (exitCode, output) = await DotNet.RunAsync(
            Repository.Root,
            ["cake", "samples/cake/build.cake", "--nuget_source=" + feed.Directory, "--paths_addins=" + addins],
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = gateway.Url });

        Assert.True(exitCode == 0, output);
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var api = Assert.Single((await client.InvokeAsync("GetRestApis")).Items);
        Assert.Equal("HelloApi", api.GetString("name"));
        var stage = await client.InvokeAsync("GetStage", new { restApiId = api.Id, stageName = "dev" });
        Assert.Contains($"Stage 'dev' of REST API {api.Id} is live at ", output, StringComparison.Ordinal);
        Assert.NotNull(stage.GetString("deploymentId"));
    }
}
