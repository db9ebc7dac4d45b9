using System.Diagnostics;
using System.Text;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// A real <c>dotnet msbuild -t:DeployApi</c> process, as a CI job runs it, with the tasks in a task
/// host of their own (PetardTaskHost=true, as Visual Studio's MSBuild runs them): the case where a
/// killed build leaves its deploy running (docs/task-host.md), which the fleet rows must survive.
/// </summary>
internal sealed class BuildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BuildProcess(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", project, "-t:DeployApi", "-nologo", "-nodeReuse:false", "-v:n", "-p:PetardTaskHost=true"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static BuildProcess Start(string project) => new(project);

    /// <summary>Waits for the build to end; its exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    /// <summary>Kills the build process alone (SIGKILL), as a CI runner's timeout does; its task host is not its child to kill.</summary>
    public void Kill() => process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
