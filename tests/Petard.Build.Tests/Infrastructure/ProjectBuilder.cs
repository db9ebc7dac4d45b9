using System.Security;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace Petard.Build.Tests.Infrastructure;

/// <summary>
/// Generates a small project that imports Petard.Build's props and targets from the source tree
/// (with the task assembly of this build) and builds it in-process with the SDK's MSBuild.
/// </summary>
internal sealed class ProjectBuilder
{
    /// <summary>src/Petard.Build/build: the props and targets under test.</summary>
    public static readonly string BuildFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Petard.Build", "build"));
    private static readonly string TaskAssembly = typeof(PetardDeployApi).Assembly.Location;

    private readonly string folder;

    public ProjectBuilder(string folder)
    {
        this.folder = folder;
    }

    /// <summary>The project file each build writes.</summary>
    public string File => Path.Combine(folder, "app.proj");

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public List<string> Triggers { get; } = [];

    /// <summary>Method settings as item XML attributes, e.g. <c>Include="throttling/rateLimit" Value="100"</c>.</summary>
    public List<string> MethodSettings { get; } = [];

    /// <summary>More items as whole XML elements, e.g. <c>&lt;PetardCanaryStageVariable Include="x" Value="y" /&gt;</c>.</summary>
    public List<string> Items { get; } = [];

    /// <summary>More targets as whole XML elements, after Petard's targets (a user's own target, a stand-in for the SDK's).</summary>
    public List<string> Targets { get; } = [];

    /// <summary>Writes the project and builds the targets; every build writes the project anew.</summary>
    public BuildOutcome Build(string target = "DeployApi", IDictionary<string, string?>? globalProperties = null)
    {
        var project = File;
        System.IO.File.WriteAllText(project, ProjectXml());
        var logger = new RecordingLogger();
        var parameters = new BuildParameters { Loggers = [logger], EnableNodeReuse = false };
        var request = new BuildRequestData(project, globalProperties ?? new Dictionary<string, string?>(), null, [target], null, BuildRequestDataFlags.ProvideProjectStateAfterBuild);
        var result = BuildManager.DefaultBuildManager.Build(parameters, request);
        return new BuildOutcome(result, logger);
    }

    private string ProjectXml()
    {
        static string Escape(string value) => SecurityElement.Escape(value);
        var properties = string.Concat(Properties.Select(p => $"    <{p.Key}>{Escape(p.Value)}</{p.Key}>\n"));
        var variables = string.Concat(Variables.Select(v => $"    <PetardStageVariable Include=\"{Escape(v.Key)}\" Value=\"{Escape(v.Value)}\" />\n"))
            + string.Concat(MethodSettings.Select(attributes => $"    <PetardMethodSetting {attributes} />\n"))
            + string.Concat(Triggers.Select(t => $"    <PetardDeploymentTrigger Include=\"{Escape(t)}\" />\n"))
            + string.Concat(Items.Select(item => $"    {item}\n"));
        return $"""
            <Project>
              <Import Project="{BuildFolder}/Petard.Build.props" />
              <PropertyGroup>
                <PetardTasksAssembly>{TaskAssembly}</PetardTasksAssembly>
            {properties}  </PropertyGroup>
              <ItemGroup>
            {variables}  </ItemGroup>
              <!-- Stands in for the SDK's Build: these tests are about what follows it. -->
              <Target Name="Build">
                <Message Importance="high" Text="app built" />
              </Target>
              <Import Project="{BuildFolder}/Petard.Build.targets" />
            {string.Concat(Targets)}
            </Project>
            """;
    }
}

internal sealed record BuildOutcome(BuildResult Result, RecordingLogger Log)
{
    public bool Succeeded => Result.OverallResult == BuildResultCode.Success;

    public string Property(string name) => Result.ProjectStateAfterBuild!.GetPropertyValue(name);
}

internal sealed class RecordingLogger : ILogger
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<string> Messages { get; } = [];

    /// <summary>The tasks that ran, by name, in order.</summary>
    public List<string> Tasks { get; } = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;

    public string? Parameters { get; set; }

    public string Text => string.Join("\n", Messages);

    public void Initialize(IEventSource eventSource)
    {
        eventSource.ErrorRaised += (_, e) => { lock (Errors) { Errors.Add(e); } };
        eventSource.MessageRaised += (_, e) => { lock (Messages) { Messages.Add(e.Message ?? ""); } };
        eventSource.TaskStarted += (_, e) => { lock (Tasks) { Tasks.Add(e.TaskName); } };
        eventSource.WarningRaised += (_, e) =>
        {
            lock (Messages)
            {
                Messages.Add("warning: " + e.Message);
                Warnings.Add(e);
            }
        };
    }

    public void Shutdown()
    {
    }
}
