using System.Collections.Concurrent;

namespace Petard.Local.DataPlane;

/// <summary>
/// The requests the data plane let through per usage plan, API key and UTC day: what the quota
/// counts against and what GetUsage reports as used. Shared by the data plane and the control
/// plane (like the authorizer cache); kept in memory, not in the state file.
/// </summary>
internal sealed class UsageLedger(TimeProvider time) : State.IVolatileState
{
    private readonly ConcurrentDictionary<(string Plan, string Key, DateOnly Day), int> used = new();

    // UpdateUsage's "replace /remaining": the remaining quota set, in the period it was set in, and what that period had used then.
    private readonly ConcurrentDictionary<(string Plan, string Key), (DateOnly PeriodStart, int Remaining, int UsedThen)> remainders = new();

    /// <summary>Forgets every count and every remaining quota set (a reset of the emulator).</summary>
    public void Clear()
    {
        used.Clear();
        remainders.Clear();
    }

    /// <summary>Today in UTC, the day a request counts on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Counts one request of <paramref name="keyId"/> under <paramref name="planId"/> today.</summary>
    public void Count(string planId, string keyId) => used.AddOrUpdate((planId, keyId, Today), 1, (_, count) => count + 1);

    /// <summary>The requests counted on <paramref name="day"/>.</summary>
    public int Used(string planId, string keyId, DateOnly day) => used.GetValueOrDefault((planId, keyId, day));

    /// <summary>The requests counted from the start of the quota period that holds <paramref name="day"/> up to that day.</summary>
    /// <param name="planId">The usage plan.</param>
    /// <param name="keyId">The API key.</param>
    /// <param name="period">The quota's period: DAY, WEEK (from Sunday) or MONTH.</param>
    /// <param name="day">The last day counted.</param>
    public int UsedInPeriod(string planId, string keyId, string? period, DateOnly day)
    {
        var total = 0;
        for (var d = PeriodStart(period, day); d <= day; d = d.AddDays(1))
        {
            total += Used(planId, keyId, d);
        }

        return total;
    }

    /// <summary>What remains of the quota on <paramref name="day"/>: the limit less the period's use, or what UpdateUsage set less the use since.</summary>
    /// <param name="planId">The usage plan.</param>
    /// <param name="keyId">The API key.</param>
    /// <param name="period">The quota's period.</param>
    /// <param name="limit">The quota's limit (0 without a quota).</param>
    /// <param name="day">The day asked about.</param>
    public int Remaining(string planId, string keyId, string? period, int limit, DateOnly day)
    {
        var usedInPeriod = UsedInPeriod(planId, keyId, period, day);
        return remainders.TryGetValue((planId, keyId), out var set) && set.PeriodStart == PeriodStart(period, day)
            ? Math.Max(0, set.Remaining - (usedInPeriod - set.UsedThen))
            : Math.Max(0, limit - usedInPeriod);
    }

    /// <summary>Sets the remaining quota of the current period (UpdateUsage); the quota enforces it from now on.</summary>
    public void SetRemaining(string planId, string keyId, string? period, int remaining) =>
        remainders[(planId, keyId)] = (PeriodStart(period, Today), remaining, UsedInPeriod(planId, keyId, period, Today));

    // The first day of the quota period that holds the day: itself (DAY), the Sunday before (WEEK), the first of the month (MONTH).
    private static DateOnly PeriodStart(string? period, DateOnly day) => period switch
    {
        "WEEK" => day.AddDays(-(int)day.DayOfWeek),
        "MONTH" => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };
}
