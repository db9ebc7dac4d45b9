using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// The workflows' log written to MSBuild: steps at high importance (shown at the default verbosity),
/// calls at low. Each line starts with the project's name: with -m, projects deploy in parallel and
/// the console logger interleaves their lines without saying whose they are.
/// </summary>
internal sealed class TaskLog(TaskLoggingHelper log, string? projectFile) : IPetardLog
{
    private readonly string prefix = projectFile is { Length: > 0 } ? $"{Path.GetFileNameWithoutExtension(projectFile)}: Petard: " : "Petard: ";

    public void Info(string message) => log.LogMessage(MessageImportance.High, "{0}{1}", prefix, message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, "{0}{1}", prefix, message);

    // Located in the OpenAPI file it is about, else in the user's project; coded and linked like the errors, so IDEs and CI annotations show it.
    public void Warning(PetardWarning warning) =>
        log.LogWarning(null, warning.Code, null, PetardErrorHelp.LinkFor(warning.Code), warning.File ?? projectFile, warning.Line, 0, 0, 0, "Petard: {0}", warning.Describe(MSBuildSettingNames.Of));
}
