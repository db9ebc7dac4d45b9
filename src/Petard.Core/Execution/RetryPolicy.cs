using System.Net;

namespace Petard.Execution;

/// <summary>
/// Decides whether a failed attempt is worth another, and how long to wait: exponential backoff
/// with full jitter, never shorter than the service's <c>Retry-After</c>. MaxDelay caps our own
/// backoff, not the server's demand: retrying before Retry-After only earns another 429, so a
/// wait the total time cannot afford ends the retries instead.
/// </summary>
internal sealed class RetryPolicy(PetardRetryOptions options)
{
    private static readonly HashSet<string> RetryableErrorTypes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException",
        "LimitExceededException",
        "ServiceUnavailableException",
        "ConflictException",
        "ThrottlingException",
        "Throttling",
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalFailure",
        "InternalServerError",
    };

    public PetardRetryOptions Options { get; } = options;

    /// <summary>
    /// Whether repeating a call whose outcome is unknown is harmless. POSTs create things (a second
    /// deployment, a second API), so they are repeated only when the service answered that it did
    /// nothing (throttled, conflict, unavailable) or the request never left.
    /// </summary>
    public static bool IsIdempotent(Model.OperationDefinition operation) =>
        !string.Equals(operation.Method, "POST", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a network error happened before any byte of the request could reach the service.</summary>
    public static bool NeverSent(HttpRequestException error) =>
        error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    public static bool IsRetryable(PetardServiceException error) =>
        RetryableErrorTypes.Contains(error.ErrorType) || (int)error.StatusCode >= 500 || error.StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(Options.MaxDelay.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        var jittered = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
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
