using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Petard.Workflows;

/// <summary>
/// The fingerprint a deployment's description carries: a hash of the imported definition and the
/// declared triggers. When the stage's deployment has the fingerprint of this run, the API is
/// unchanged and nothing needs to be imported or deployed.
/// </summary>
internal static partial class DeploymentFingerprint
{
    private const string Marker = "petard-fingerprint";

    /// <summary>The fingerprint, or null when there is nothing to fingerprint (no definition, no triggers).</summary>
    public static string? Compute(byte[]? definition, IEnumerable<string>? triggers)
    {
        var sortedTriggers = (triggers ?? []).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (definition is null && sortedTriggers.Count == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(definition ?? []);
        foreach (var trigger in sortedTriggers)
        {
            // A separator that cannot occur in UTF-8 text keeps ["ab"] and ["a", "b"] apart.
            hash.AppendData([0xFF]);
            hash.AppendData(Encoding.UTF8.GetBytes(trigger));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>The deployment description: the user's text followed by the fingerprint.</summary>
    public static string Describe(string? description, string? fingerprint)
    {
        var text = string.IsNullOrWhiteSpace(description) ? "Deployed by Petard" : description.Trim();
        return fingerprint is null ? text : $"{text} [{Marker}:{fingerprint}]";
    }

    /// <summary>The fingerprint a description carries, or null.</summary>
    public static string? Read(string? description)
    {
        var match = description is null ? null : FingerprintPattern().Match(description);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\[petard-fingerprint:([0-9a-f]{32})\]", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintPattern();
}
