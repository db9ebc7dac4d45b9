using System.Collections.Concurrent;
using Petard.Workflows;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Keeps every line a workflow logs, at every level, for assertions and secret scans.</summary>
internal sealed class CapturingLog : IPetardLog
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>How many calls the workflow made (it logs each one as "Operation ..." in detail).</summary>
    public int Calls => lines.Count(l => l.StartsWith("detail: ", StringComparison.Ordinal) && l.EndsWith(" ...", StringComparison.Ordinal));

    public string Text => string.Join(Environment.NewLine, lines);

    public void Info(string message) => lines.Enqueue("info: " + message);

    public void Detail(string message) => lines.Enqueue("detail: " + message);

    public void Warning(PetardWarning warning) => lines.Enqueue("warning: " + warning);
}
