namespace Petard.Execution;

/// <summary>
/// Paces calls to one endpoint: an account-wide bucket plus one interval per operation with its own
/// quota. They live in the options' <see cref="PetardPacingScope"/>, keyed by endpoint, so separate
/// clients of one scope share them (and, in the machine-wide scope, separate processes the intervals).
/// </summary>
internal sealed class RequestPacer
{
    /// <summary>
    /// The service measures an operation's interval when calls arrive, not when they leave: spacing
    /// departures exactly at the quota lets network and scheduling jitter bring two arrivals closer
    /// than the quota allows. A tenth more keeps them apart.
    /// </summary>
    private const double IntervalMargin = 1.1;

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

        await DelayAsync(Bucket("*", options.RequestsPerSecond, options.Burst), cancellationToken).ConfigureAwait(false);

        // The operation's own bucket is taken last, once the account-wide wait is over: taken together,
        // a long account-wide wait would swallow the operation's spacing and send its calls in a clump.
        if (options.OperationIntervals.TryGetValue(operation, out var interval) && interval > TimeSpan.Zero)
        {
            await DelayAsync(options.Scope.Interval($"{endpointKey}|{operation}|{interval.Ticks}", interval * IntervalMargin), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a token and waits for it; a cancelled wait gives the token back, since no call used it.</summary>
    private static async Task DelayAsync(IPacingGate bucket, CancellationToken cancellationToken)
    {
        var wait = bucket.Take(out var ticket);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            bucket.Return(ticket);
            throw;
        }
    }

    private IPacingGate Bucket(string name, double rate, double burst) =>
        options.Scope.Bucket($"{endpointKey}|{name}|{rate}|{burst}", rate, burst);
}
