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
    public async Task A_build_cake_deploys_with_the_addin_loaded_from_a_local_feed()
    {
        using var script = new CakeScript($$"""
            {{CakeScript.AddinDirective(feed)}}

            var result = PetardDeployApi(new PetardDeployApiSettings { RestApiName = "pets", StageName = "dev", OpenApiFile = "openapi.json" }
                .WithEndpointUrl(Argument<string>("endpoint"))
                .WithStageVariable("env", "dev"));
            Information("Deployed {0} to {1}", result.RestApiId, result.InvokeUrl);
            """);
        script.WriteFile(PetsApi.FileName, PetsApi.Definition);

        var (exitCode, output) = await script.RunAsync("--endpoint=" + gateway.Url);

        Assert.True(exitCode == 0, output);
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
        var api = Assert.Single((await client.InvokeAsync("GetRestApis")).Items);
        var stage = await client.InvokeAsync("GetStage", new { restApiId = api.Id, stageName = "dev" });
        Assert.Equal("dev", stage["variables"].GetProperty("env").GetString());
        Assert.Contains($"Deployed {api.Id} to ", output, StringComparison.Ordinal);
        Assert.Contains("Stage 'dev' of REST API", output, StringComparison.Ordinal);
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
