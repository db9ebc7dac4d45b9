using System.Net;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Decides whether a failed attempt is worth another, and how long to wait: exponential backoff
/// with full jitter, never shorter than the service's <c>Retry-After</c> (and jittered above it).
/// MaxDelay caps our own backoff, not the server's demand: retrying before Retry-After only earns
/// another 429, so a wait the total time cannot afford ends the retries instead.
/// </summary>
internal sealed class RetryPolicy(PetardRetryOptions options)
{
    private static readonly HashSet<string> RetryableErrorTypes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException",
        "LimitExceededException",
        "ServiceUnavailableException",
        "ThrottlingException",
        "Throttling",
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalFailure",
        "InternalServerError",
    };

    public PetardRetryOptions Options { get; } = options;

    /// <summary>
    /// Whether repeating a call whose outcome is unknown is harmless. Creating calls (a second
    /// deployment, a second API) are repeated only when the service answered that it did nothing
    /// (throttled, conflict, unavailable) or the request never left. The service rules say which is which.
    /// </summary>
    public static bool IsIdempotent(OperationDefinition operation) => operation.IsIdempotent;

    /// <summary>Whether an attempt may be repeated: it surely did nothing, or doing it twice is harmless.</summary>
    public static bool MayRepeat(OperationDefinition operation, bool mayHaveTakenEffect) =>
        !mayHaveTakenEffect || IsIdempotent(operation);

    /// <summary>After a failed attempt (counted from 1): try again after a delay, or give up.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="outcome">The attempt that failed.</param>
    /// <param name="attempt">Attempts so far, this one included.</param>
    /// <param name="throttled">Of those, the attempts the service throttled.</param>
    /// <param name="elapsed">Time since the call began.</param>
    public RetryDecision Decide(OperationDefinition operation, in AttemptOutcome outcome, int attempt, int throttled, TimeSpan elapsed)
    {
        var spent = Options.MaxAttempts <= 1 || (outcome.Throttled
            ? throttled >= Math.Max(Options.MaxAttempts, Options.MaxThrottledAttempts)
            : attempt - throttled >= Options.MaxAttempts);
        if (!MayRepeat(operation, outcome.MayHaveTakenEffect) || spent)
        {
            return RetryDecision.GiveUp;
        }

        var delay = Delay(attempt, outcome.RetryAfter);
        return elapsed + delay > Options.MaxTotalTime ? RetryDecision.GiveUp : RetryDecision.After(delay);
    }

    /// <summary>Whether a network error happened before any byte of the request could reach the service.</summary>
    public static bool NeverSent(HttpRequestException error) =>
        error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>Whether the service refused for a rate or quota (429, throttling, a limit), not for a fault.</summary>
    public static bool IsThrottle(PetardServiceException error) =>
        error.StatusCode == HttpStatusCode.TooManyRequests || error.ErrorType is "TooManyRequestsException" or "ThrottlingException" or "Throttling" or "LimitExceededException";

    public static bool IsRetryable(PetardServiceException error) =>
        error.ErrorType == "ConflictException"
            ? IsConcurrentModification(error)
            : RetryableErrorTypes.Contains(error.ErrorType) || (int)error.StatusCode >= 500 || error.StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>
    /// The service answers ConflictException both for a concurrent modification ("Unable to complete
    /// operation due to concurrent modification. Please try again later."), which passes, and for a
    /// duplicate ("Stage already exists"), which no retry can fix: only the first is retried.
    /// </summary>
    private static bool IsConcurrentModification(PetardServiceException error) =>
        error.ServiceMessage == ResponseReader.NoMessage
        || error.ServiceMessage.Contains("concurrent", StringComparison.OrdinalIgnoreCase)
        || error.ServiceMessage.Contains("try again", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1). With a
    /// <c>Retry-After</c>, the jitter goes on top of it, over as long again: every client the service
    /// throttled at once hears the same Retry-After, and coming back all at the same instant would
    /// let one through and throttle the rest again.
    /// </summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(Options.MaxDelay.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        if (retryAfter is { } floor && floor > TimeSpan.Zero)
        {
            return floor + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Max(ceiling, floor.TotalMilliseconds));
        }

        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
