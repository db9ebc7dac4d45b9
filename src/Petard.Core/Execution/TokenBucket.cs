using System.Diagnostics;

namespace Petard.Execution;

/// <summary>
/// A token bucket that hands out waits rather than refusals: a caller takes a token (possibly going
/// into debt) and sleeps until its token would have been there. Fair in arrival order.
/// </summary>
internal sealed class TokenBucket : IPacingGate
{
    private readonly double ratePerSecond;
    private readonly double capacity;
    private readonly Stopwatch clock = Stopwatch.StartNew();
#if NET9_0_OR_GREATER
    private readonly Lock gate = new();
#else
    private readonly object gate = new();
#endif
    private double tokens;
    private double lastRefill;
    private long takes;

    public TokenBucket(double ratePerSecond, double capacity)
    {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.Max(1, capacity);
        tokens = this.capacity;
    }

    /// <summary>
    /// Takes one token and returns how long the caller must wait before using it;
    /// <paramref name="ticket"/> identifies the take for <see cref="Return"/>.
    /// </summary>
    public TimeSpan Take(out long ticket)
    {
        lock (gate)
        {
            var now = clock.Elapsed.TotalSeconds;
            tokens = Math.Min(capacity, tokens + ((now - lastRefill) * ratePerSecond));
            lastRefill = now;
            tokens -= 1;
            ticket = ++takes;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / ratePerSecond);
        }
    }

    /// <summary>
    /// Gives back the token of a call cancelled before it was sent, when it was the last one taken:
    /// callers after it already sleep until their own slots, and a refund would hand one of those out twice.
    /// </summary>
    public void Return(long ticket)
    {
        lock (gate)
        {
            if (ticket == takes)
            {
                tokens = Math.Min(capacity, tokens + 1);
                takes--;
            }
        }
    }
}
