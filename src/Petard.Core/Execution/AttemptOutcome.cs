namespace Petard.Execution;

/// <summary>
/// How one attempt ended, short of an error no retry can fix (those are thrown): with the answer,
/// or with a failure and what the retry decision needs to know about it. A struct, so the common
/// case (answered at once) costs no allocation.
/// </summary>
internal readonly struct AttemptOutcome
{
    private AttemptOutcome(Resource? answer, PetardException? failure, bool mayHaveTakenEffect, TimeSpan? retryAfter)
    {
        Answer = answer;
        Failure = failure;
        MayHaveTakenEffect = mayHaveTakenEffect;
        RetryAfter = retryAfter;
    }

    /// <summary>The service's answer, when the attempt succeeded.</summary>
    public Resource? Answer { get; }

    /// <summary>The error to report if no further attempt is made.</summary>
    public PetardException? Failure { get; }

    /// <summary>Whether the request may have reached the service and done its work: it left, and no answer came back.</summary>
    public bool MayHaveTakenEffect { get; }

    /// <summary>The wait the service asked for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the service refused because of a rate or quota: such attempts have their own budget.</summary>
    public bool Throttled => Failure is PetardServiceException error && RetryPolicy.IsThrottle(error);

    public static AttemptOutcome Answered(Resource answer) => new(answer, null, false, null);

    /// <summary>The service answered with a transient error (throttled, busy, a concurrent change): it did nothing.</summary>
    public static AttemptOutcome Refused(PetardServiceException error, TimeSpan? retryAfter) => new(null, error, false, retryAfter);

    /// <summary>No answer came: the connection failed, broke, or timed out.</summary>
    public static AttemptOutcome Lost(PetardException error, bool mayHaveTakenEffect) => new(null, error, mayHaveTakenEffect, null);
}
