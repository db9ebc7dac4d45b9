using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>The workflows' log written to MSBuild: steps at high importance (shown at the default verbosity), calls at low.</summary>
internal sealed class TaskLog(TaskLoggingHelper log, string? projectFile) : IPetardLog
{
    public void Info(string message) => log.LogMessage(MessageImportance.High, "Petard: {0}", message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, "Petard: {0}", message);

    // Located in the user's project, coded and linked like the errors, so IDEs and CI annotations show it.
    public void Warning(PetardWarning warning) =>
        log.LogWarning(null, warning.Code, null, ErrorHelp.LinkFor(warning.Code), projectFile, 0, 0, 0, 0, "Petard: {0}", warning.Describe(MSBuildSettingNames.Of));
}
