using Petard.Model;

namespace Petard.Local.Http;

/// <summary>
/// The service's per-operation quotas (<see cref="ServiceRules.OperationQuotas"/>): a call closer to
/// the previous one of its operation than the quota's interval answers 429 with a Retry-After.
/// </summary>
internal sealed class OperationQuotas : State.IVolatileState
{
    private readonly Dictionary<string, TimeSpan> intervals;
    private readonly Dictionary<string, DateTimeOffset> last = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly TimeProvider time;

    /// <param name="quotas">The quotas to enforce, by operation.</param>
    /// <param name="time">The clock.</param>
    /// <param name="intervalOverrides">Intervals to use instead of the service's (tests shorten them).</param>
    public OperationQuotas(IEnumerable<OperationQuota> quotas, TimeProvider time, IReadOnlyDictionary<string, TimeSpan>? intervalOverrides = null)
    {
        intervals = quotas.ToDictionary(q => q.Operation, q => intervalOverrides is not null && intervalOverrides.TryGetValue(q.Operation, out var shorter) ? shorter : q.Interval, StringComparer.Ordinal);
        this.time = time;
    }

    /// <summary>Forgets when each operation was last called (a reset of the emulator).</summary>
    public void Clear()
    {
        lock (gate)
        {
            last.Clear();
        }
    }

    public void Acquire(string operation)
    {
        if (!intervals.TryGetValue(operation, out var interval) || interval <= TimeSpan.Zero)
        {
            return;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last.TryGetValue(operation, out var previous) && now - previous < interval)
            {
                var wait = interval - (now - previous);
                throw GatewayException.TooManyRequests((int)Math.Ceiling(wait.TotalSeconds));
            }

            last[operation] = now;
        }
    }
}
