using Cake.Core.Diagnostics;

namespace Cake.Petard.Tests.Fakes;

/// <summary>A Cake log that keeps every line, formatted as Cake would, with its level.</summary>
internal sealed class FakeCakeLog : ICakeLog
{
    private readonly List<(LogLevel Level, string Text)> lines = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => lines;

    public string Text => string.Join('\n', lines.Select(l => l.Text));

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        if (verbosity <= Verbosity)
        {
            lines.Add((level, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args)));
        }
    }
}
