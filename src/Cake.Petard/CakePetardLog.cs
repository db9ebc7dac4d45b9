using Cake.Core.Diagnostics;
using Petard;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>Writes the workflows' lines to the Cake log: steps at normal verbosity, calls at verbose.</summary>
internal sealed class CakePetardLog(ICakeLog log) : IPetardLog
{
    // The message goes in as an argument, never as the format: a '{' in an API name or URL must not break the log.
    public void Info(string message) => log.Write(Verbosity.Normal, LogLevel.Information, "{0}", message);

    public void Detail(string message) => log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", message);

    public void Warning(PetardWarning warning) => log.Write(Verbosity.Minimal, LogLevel.Warning, "{0}", CakeMessages.Coded(warning.Code, warning.Message)); // neutral names are Cake's
}
