using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>The workflows' log written to MSBuild: steps at high importance (shown at the default verbosity), calls at low.</summary>
internal sealed class TaskLog(TaskLoggingHelper log) : IPetardLog
{
    public void Info(string message) => log.LogMessage(MessageImportance.High, "Petard: {0}", message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, "Petard: {0}", message);

    public void Warning(string message) => log.LogWarning("Petard: {0}", message);
}
