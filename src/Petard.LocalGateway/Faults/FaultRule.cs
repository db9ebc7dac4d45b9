namespace Petard.Local.Faults;

/// <summary>A scripted fault: the next <see cref="Remaining"/> calls of <see cref="Operation"/> get <see cref="Kind"/>.</summary>
public sealed class FaultRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="operation">The official operation name, or <c>*</c> for every operation.</param>
    /// <param name="kind">What happens to a matching call.</param>
    /// <param name="count">How many calls it applies to (at least 1).</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> of a throttle.</param>
    /// <param name="latency">The added delay of a <see cref="FaultKind.Latency"/> rule.</param>
    public FaultRule(string operation, FaultKind kind, int count = 1, int retryAfterSeconds = 1, TimeSpan? latency = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        if ((kind == FaultKind.Latency && latency is null) || latency < TimeSpan.Zero)
        {
            throw new ArgumentException("A Latency fault needs a non-negative latency.", nameof(latency));
        }

        Operation = operation;
        Kind = kind;
        Remaining = count;
        RetryAfterSeconds = retryAfterSeconds;
        Latency = latency ?? TimeSpan.Zero;
    }

    /// <summary>The operation it matches (<c>*</c> for all).</summary>
    public string Operation { get; }

    /// <summary>What it does.</summary>
    public FaultKind Kind { get; }

    /// <summary>How many more calls it applies to.</summary>
    public int Remaining { get; private set; }

    /// <summary>The <c>Retry-After</c> of a throttle, in seconds.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>The delay of a latency rule.</summary>
    public TimeSpan Latency { get; }

    internal bool Matches(string operation) => Remaining > 0 && (Operation == "*" || Operation == operation);

    internal void Consume() => Remaining--;
}
