using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// The rule concurrent deploys agree on when they created the same thing at once (two REST APIs of
/// one name, two deployments of one fingerprint): the oldest wins, ties by id, so every run that sees
/// the same set picks the same one and only the others' creators remove them.
/// </summary>
internal static class Convergence
{
    private static readonly TimeSpan YoungWindow = TimeSpan.FromSeconds(1.3);

    /// <summary>
    /// How long a run that found candidates (rather than creating one) waits before trusting the list:
    /// an API made in the last second may still lose to one made in the same second, whose creator
    /// then removes it, so the list is read again once that second has passed (createdDate is whole seconds).
    /// </summary>
    public static TimeSpan YoungWait(IEnumerable<Resource> candidates, DateTimeOffset now)
    {
        var dates = candidates.Select(CreatedDate).Where(d => d != double.MaxValue).ToList();
        if (dates.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var settled = DateTimeOffset.FromUnixTimeMilliseconds((long)(dates.Max() * 1000)) + YoungWindow;
        return settled <= now ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min((settled - now).Ticks, YoungWindow.Ticks));
    }

    /// <summary>
    /// How long a creator waits after its create was answered before it lists the candidates.
    /// createdDate has whole seconds, so only the id orders two made in the same second; any made in
    /// the same second as this run's is listed one second after it, and every run then decides on the
    /// same set. Deciding sooner lets a late creator with the smaller id keep its own while the other
    /// keeps the other.
    /// </summary>
    public static Task SettleAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

    public static Resource? Winner(IEnumerable<Resource> candidates) =>
        candidates.OrderBy(CreatedDate).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

    private static double CreatedDate(Resource resource) =>
        resource["createdDate"].ValueKind == JsonValueKind.Number ? resource["createdDate"].GetDouble() : double.MaxValue;
}
