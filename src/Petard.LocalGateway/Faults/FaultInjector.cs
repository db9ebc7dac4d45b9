namespace Petard.Local.Faults;

/// <summary>The scripted faults of an emulator; rules apply in the order added. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly List<FaultRule> rules = [];
    private readonly Lock gate = new();

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            rules.Add(rule);
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>The rules with calls left.</summary>
    public IReadOnlyList<FaultRule> Active
    {
        get
        {
            lock (gate)
            {
                return rules.Where(r => r.Remaining > 0).ToList();
            }
        }
    }

    /// <summary>Takes the faults for one call: all matching latencies, then at most one failure.</summary>
    internal (TimeSpan Delay, FaultRule? Failure) Take(string operation)
    {
        lock (gate)
        {
            var delay = TimeSpan.Zero;
            foreach (var rule in rules.Where(r => r.Kind == FaultKind.Latency && r.Matches(operation)))
            {
                delay += rule.Latency;
                rule.Consume();
            }

            var failure = rules.FirstOrDefault(r => r.Kind != FaultKind.Latency && r.Matches(operation));
            failure?.Consume();
            rules.RemoveAll(r => r.Remaining == 0);
            return (delay, failure);
        }
    }
}
