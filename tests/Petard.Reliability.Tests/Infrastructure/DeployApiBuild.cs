using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// A project that imports Petard.Build's props and targets from the source tree (with this build's
/// task assembly), built in-process with the SDK's MSBuild, every message kept, optionally a binary log.
/// BuildManager.DefaultBuildManager runs one build at a time: tests using it share a collection.
/// </summary>
internal sealed class DeployApiBuild
{
    private readonly string project;
    private readonly MessageRecorder messages = new();

    public DeployApiBuild(string folder, IReadOnlyDictionary<string, string> properties)
    {
        project = WriteProject(folder, "app.proj", properties);
    }

    /// <summary>Writes a project that deploys <paramref name="file"/> as API <paramref name="api"/> to a stage at <paramref name="endpoint"/>; returns its path.</summary>
    public static string WriteDeployProject(string folder, string name, string endpoint, string api, string file, string stage, IReadOnlyDictionary<string, string>? more = null) =>
        WriteProject(folder, name, new Dictionary<string, string>(more ?? new Dictionary<string, string>())
        {
            ["PetardRestApiName"] = api,
            ["PetardStageName"] = stage,
            ["PetardOpenApiFile"] = file,
            ["PetardEndpointUrl"] = endpoint,
        });

    /// <summary>Writes a project that deploys with Petard.Build from the source tree; returns its path.</summary>
    public static string WriteProject(string folder, string name, IReadOnlyDictionary<string, string> properties)
    {
        var project = Path.Combine(folder, name);
        var buildFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Petard.Build", "build"));
        var declared = string.Concat(properties.Select(p => $"    <{p.Key}>{System.Security.SecurityElement.Escape(p.Value)}</{p.Key}>\n"));
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{buildFolder}/Petard.Build.props" />
              <PropertyGroup>
                <PetardTasksAssembly>{typeof(Petard.Build.PetardDeployApi).Assembly.Location}</PetardTasksAssembly>
            {declared}  </PropertyGroup>
              <Target Name="Build" />
              <Import Project="{buildFolder}/Petard.Build.targets" />
            </Project>
            """);
        return project;
    }

    /// <summary>Every message, warning and error of the build (errors as "CODE: message").</summary>
    public string Text => messages.Text;

    public bool Run(string? binlog = null) => BuildManager.DefaultBuildManager.Build(Parameters(binlog), Request()).OverallResult == BuildResultCode.Success;

    /// <summary>Starts the build; the caller runs the submission and ends the build (<see cref="BuildManager.EndBuild"/>).</summary>
    public BuildSubmission Start(string? binlog = null)
    {
        BuildManager.DefaultBuildManager.BeginBuild(Parameters(binlog));
        return BuildManager.DefaultBuildManager.PendBuildRequest(Request());
    }

    private BuildParameters Parameters(string? binlog)
    {
        List<ILogger> loggers = [messages];
        if (binlog is not null)
        {
            loggers.Add(new BinaryLogger { Parameters = binlog, Verbosity = LoggerVerbosity.Diagnostic });
        }

        return new BuildParameters { Loggers = loggers, EnableNodeReuse = false };
    }

    private BuildRequestData Request() => new(project, new Dictionary<string, string?>(), null, ["DeployApi"], null);

    private sealed class MessageRecorder : ILogger
    {
        private readonly List<string> lines = [];

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

        public string? Parameters { get; set; }

        public string Text
        {
            get
            {
                lock (lines)
                {
                    return string.Join('\n', lines);
                }
            }
        }

        public void Initialize(IEventSource eventSource) => eventSource.AnyEventRaised += (_, e) =>
        {
            lock (lines)
            {
                lines.Add(e is BuildErrorEventArgs error ? $"{error.Code}: {error.Message}" : e.Message ?? "");
            }
        };

        public void Shutdown()
        {
        }
    }
}
