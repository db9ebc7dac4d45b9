namespace Petard;

/// <summary>How a <see cref="PetardClient"/> retries throttled, conflicting and transient failures.</summary>
public sealed class PetardRetryOptions
{
    /// <summary>The most attempts per call, the first included (default 8; 1 turns retries off).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The most attempts per call while the service throttles it (429 <c>TooManyRequestsException</c>,
    /// <c>LimitExceededException</c>; default 30): a budget apart from <see cref="MaxAttempts"/>, so
    /// builds that share one account's quota wait their turn instead of failing. <see cref="MaxTotalTime"/>
    /// still bounds the whole call; with <see cref="MaxAttempts"/> 1 nothing is retried.
    /// </summary>
    public int MaxThrottledAttempts { get; set; } = 30;

    /// <summary>The base of the exponential backoff (default 200 ms).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single wait between attempts (default 20 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest a call may take over all its attempts and waits (default 2 min).</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest one attempt may take (default 60 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
