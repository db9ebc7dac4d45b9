using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// The rule concurrent deploys agree on when they created the same thing at once (two REST APIs of
/// one name, two deployments of one fingerprint): the oldest wins, ties by id, so every run that sees
/// the same set picks the same one and only the others' creators remove them.
/// </summary>
internal static class Convergence
{
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
