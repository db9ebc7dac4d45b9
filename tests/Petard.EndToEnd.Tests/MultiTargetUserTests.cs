using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// A multi-targeted project (TargetFrameworks) with deploy-on-build, built as a user builds it:
/// for one framework with `-f`, and for all. (net10.0-browser is the second framework because the
/// SDK builds it without a download: the tests run offline.)
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class MultiTargetUserTests(PackedFeed feed) : IAsyncLifetime
{
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task Deploy_on_build_deploys_from_one_framework_with_f_and_without()
    {
        var project = UserProjects.Write(feed, "MultiApi", "<PetardRestApiName>MultiApi</PetardRestApiName>", "<TargetFrameworks>net10.0;net10.0-browser</TargetFrameworks>");

        // -f net10.0 builds that framework alone: it is PetardDeployTargetFramework (the first), so it deploys.
        var single = await BuildAsync(project, "-f", "net10.0");

        Assert.True(single.ExitCode == 0, single.ToString());
        Assert.Single(Regex.Matches(single.Output, @"MultiApi -> stage 'dev' of REST API \w+ \(.*created stage 'dev'.*\): http://"));
        Assert.Equal(["CreateDeployment"], gateway.Calls.Where(call => call == "CreateDeployment"));

        // Every framework: one deploy (from net10.0), and the other framework says why it does not deploy.
        gateway.Calls.Clear();
        var all = await BuildAsync(project);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Single(Regex.Matches(all.Output, @"MultiApi -> stage 'dev' of REST API \w+ \(up to date\): http://"));
        Assert.Contains("MultiApi -> not deployed from net10.0-browser: Petard deploys from net10.0 (PetardDeployTargetFramework)", all.Output, StringComparison.Ordinal);
        Assert.Single(gateway.Calls, call => call == "GetStage");

        // -t:DeployApi on top of deploy-on-build: the inner build of net10.0 deploys, the outer DeployApi does not deploy again.
        gateway.Calls.Clear();
        var deployApi = await BuildAsync(project, "-t:DeployApi");

        Assert.True(deployApi.ExitCode == 0, deployApi.ToString());
        Assert.Single(Regex.Matches(deployApi.Output, @"MultiApi -> stage 'dev' of REST API \w+ \(up to date\): http://"));
        Assert.Single(gateway.Calls, call => call == "GetStage");
    }

    private Task<ProcessResult> BuildAsync(string project, params string[] arguments) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-tl:off", "-p:PetardDeployOnBuild=true", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false", .. arguments],
            project,
            feed.Environment);
}
