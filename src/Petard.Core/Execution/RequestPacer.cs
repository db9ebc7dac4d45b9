using System.Collections.Concurrent;

namespace Petard.Execution;

/// <summary>
/// Paces calls to one endpoint: an account-wide bucket plus one bucket per operation with its own
/// quota. The buckets live in a process-wide table keyed by endpoint, so separate clients (one per
/// MSBuild task, say) share them.
/// </summary>
internal sealed class RequestPacer
{
    private static readonly ConcurrentDictionary<string, TokenBucket> Buckets = new(StringComparer.Ordinal);

    private readonly string endpointKey;
    private readonly PetardPacingOptions options;
    private readonly bool enabled;

    public RequestPacer(Uri endpoint, PetardPacingOptions options, bool isLoopback)
    {
        endpointKey = endpoint.GetLeftPart(UriPartial.Authority);
        this.options = options;
        enabled = options.Enabled ?? !isLoopback;
    }

    public async Task WaitAsync(string operation, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return;
        }

        var wait = Bucket("*", options.RequestsPerSecond, options.Burst).Take();
        if (options.OperationIntervals.TryGetValue(operation, out var interval) && interval > TimeSpan.Zero)
        {
            var own = Bucket(operation, 1 / interval.TotalSeconds, 1).Take();
            wait = own > wait ? own : wait;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TokenBucket Bucket(string name, double rate, double burst) =>
        Buckets.GetOrAdd($"{endpointKey}|{name}|{rate}|{burst}", _ => new TokenBucket(rate, burst));
}
