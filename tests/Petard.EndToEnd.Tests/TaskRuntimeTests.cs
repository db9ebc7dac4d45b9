using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// Where `dotnet build` runs the packed package's tasks. The default (in the build's own process) is
/// checked by MsBuildUserTests; this is the opt-in task host, PetardTaskHost=true.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class TaskRuntimeTests(PackedFeed feed) : IAsyncLifetime
{
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task PetardTaskHost_runs_the_task_in_a_task_host_that_is_gone_after_the_build()
    {
        var project = UserProjects.Write(feed, "TaskHostApi", "<PetardRestApiId>nosuch1234</PetardRestApiId>");

        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-t:DeployApi", "-v:d", "-tl:off", "-p:PetardTaskHost=true", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false"],
            project,
            feed.Environment);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error PETARD1002: No REST API has the id 'nosuch1234'", build.Output, StringComparison.Ordinal);
        Assert.Contains("tasks/net10.0/Petard.Build.dll\" in an external task host", build.Output, StringComparison.Ordinal);
        var taskHost = Regex.Match(build.Output, @"Task ""PetardDeployApi"" ran in TaskHost process (\d+)");
        Assert.True(taskHost.Success, build.Output);
        Assert.True(HasExited(int.Parse(taskHost.Groups[1].Value, CultureInfo.InvariantCulture)), "the task host outlived the build");
    }

    // The task host shuts down as the build ends, but may still be on its way out when dotnet build
    // returns: give it a few seconds rather than race it.
    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }
    }
}
