namespace Petard.Execution;

/// <summary>What follows a failed attempt: another one after <see cref="Delay"/>, or giving up.</summary>
/// <param name="Retry">Whether to try again.</param>
/// <param name="Delay">How long to wait first.</param>
internal readonly record struct RetryDecision(bool Retry, TimeSpan Delay)
{
    public static RetryDecision GiveUp => default;

    public static RetryDecision After(TimeSpan delay) => new(true, delay);
}
