using System.Collections.Concurrent;
using Petard.Execution;

namespace Petard;

/// <summary>
/// Where the pacing buckets live: clients paced in the same scope, talking to the same endpoint,
/// queue together. <see cref="ProcessWide"/>, the default, is shared by every client of the process
/// (parallel deploys in one Cake script, say); a scope of its own keeps a client's pacing apart
/// (tests, or clients of different accounts behind one endpoint).
/// </summary>
public sealed class PetardPacingScope
{
    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);

    /// <summary>The scope shared by every client in this process that does not name another.</summary>
    public static PetardPacingScope ProcessWide { get; } = new();

    internal TokenBucket Bucket(string key, double ratePerSecond, double capacity) =>
        buckets.GetOrAdd(key, static (_, quota) => new TokenBucket(quota.ratePerSecond, quota.capacity), (ratePerSecond, capacity));
}
