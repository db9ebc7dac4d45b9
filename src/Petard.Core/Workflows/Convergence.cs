using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// The rule concurrent deploys agree on when they created the same thing at once (two REST APIs of
/// one name, two deployments of one fingerprint): the oldest wins, ties by id, so every run that sees
/// the same set picks the same one and only the others' creators remove them.
/// </summary>
internal static class Convergence
{
    public static Resource? Winner(IEnumerable<Resource> candidates) =>
        candidates.OrderBy(CreatedDate).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

    private static double CreatedDate(Resource resource) =>
        resource["createdDate"].ValueKind == JsonValueKind.Number ? resource["createdDate"].GetDouble() : double.MaxValue;
}
