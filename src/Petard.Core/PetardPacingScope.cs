using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Petard.Execution;

namespace Petard;

/// <summary>
/// Where the pacing buckets live: clients paced in the same scope, talking to the same endpoint,
/// queue together. <see cref="MachineWide"/>, the default, is shared by every client of the process
/// and keeps the operations' own intervals (CreateDeployment's 5 s) across the processes of the
/// machine too, so a fleet of builds on one CI machine queues instead of being throttled;
/// <see cref="ProcessWide"/> keeps them within the process; a scope of its own keeps a client's
/// pacing apart (tests, or clients of different accounts behind one endpoint).
/// </summary>
public sealed class PetardPacingScope
{
    private readonly ConcurrentDictionary<string, IPacingGate> gates = new(StringComparer.Ordinal);
    private readonly string? slotFolder;

    /// <summary>A scope of its own: its clients queue only with each other.</summary>
    public PetardPacingScope()
    {
    }

    /// <param name="slotFolder">Where the machine-wide operation slots are kept; null keeps them in the process.</param>
    internal PetardPacingScope(string? slotFolder)
    {
        this.slotFolder = slotFolder;
    }

    /// <summary>
    /// The default: shared by every client in this process that does not name another scope, and,
    /// for the operations' own intervals, by every process of this user on this machine (through a
    /// small file per endpoint and operation in the temp folder, <c>petard-pacing/</c>).
    /// </summary>
    public static PetardPacingScope MachineWide { get; } = new(Path.Combine(Path.GetTempPath(), "petard-pacing"));

    /// <summary>Shared by the clients of this process only.</summary>
    public static PetardPacingScope ProcessWide { get; } = new();

    /// <summary>A bucket of requests per second with a burst, kept in this process.</summary>
    internal IPacingGate Bucket(string key, double ratePerSecond, double capacity) =>
        gates.GetOrAdd(key, static (_, quota) => new TokenBucket(quota.ratePerSecond, quota.capacity), (ratePerSecond, capacity));

    /// <summary>The least time between two calls (an operation's quota): across processes in a machine-wide scope.</summary>
    internal IPacingGate Interval(string key, TimeSpan interval) =>
        gates.GetOrAdd(key, static (key, state) => state.slotFolder is { } folder
            ? new MachineSlot(Path.Combine(folder, FileName(key)), state.interval)
            : new TokenBucket(1 / state.interval.TotalSeconds, 1), (slotFolder, interval));

    // The key holds a URL: a hash makes a file name of it on every file system.
    private static string FileName(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".slot";
}
