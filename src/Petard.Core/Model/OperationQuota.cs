namespace Petard.Model;

/// <summary>The service's quota for one operation: at most one call per <paramref name="Interval"/> and account.</summary>
/// <param name="Operation">The operation's official name.</param>
/// <param name="Interval">The least time between two calls.</param>
internal sealed record OperationQuota(string Operation, TimeSpan Interval);
