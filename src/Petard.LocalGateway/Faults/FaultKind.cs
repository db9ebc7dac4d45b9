namespace Petard.Local.Faults;

/// <summary>What a scripted fault does to a matching call.</summary>
public enum FaultKind
{
    /// <summary>429 TooManyRequestsException with a <c>Retry-After</c> header.</summary>
    Throttle,

    /// <summary>503 ServiceUnavailableException.</summary>
    ServiceUnavailable,

    /// <summary>409 ConflictException (a concurrent modification).</summary>
    Conflict,

    /// <summary>Waits <see cref="FaultRule.Latency"/>, then answers normally.</summary>
    Latency,

    /// <summary>Aborts the connection without an answer.</summary>
    DropConnection,
}
