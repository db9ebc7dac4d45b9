using System.Collections;

namespace Petard.Local;

/// <summary>
/// The operations the emulator received, in order (every attempt counts, faulted ones too), so
/// tests can assert how many calls a workflow made. Thread-safe.
/// </summary>
public sealed class CallLog : IReadOnlyList<string>
{
    private readonly List<string> calls = [];
    private readonly Lock gate = new();

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (gate)
            {
                return calls.Count;
            }
        }
    }

    /// <inheritdoc />
    public string this[int index]
    {
        get
        {
            lock (gate)
            {
                return calls[index];
            }
        }
    }

    /// <summary>How many calls of one operation were received.</summary>
    /// <param name="operation">The official operation name, e.g. <c>CreateDeployment</c>.</param>
    public int CountOf(string operation)
    {
        lock (gate)
        {
            return calls.Count(c => c == operation);
        }
    }

    /// <summary>Forgets every call received so far.</summary>
    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        lock (gate)
        {
            return calls.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string operation)
    {
        lock (gate)
        {
            calls.Add(operation);
        }
    }
}
