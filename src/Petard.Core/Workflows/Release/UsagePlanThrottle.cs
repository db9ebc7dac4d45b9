using System.Text.Json.Nodes;
using System.Globalization;
using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// One method's throttle in a usage plan's stage, written <c>/pets/GET=100/200</c>: the resource path, the
/// HTTP method (or <c>*</c>), then the steady rate (requests per second) and the burst. The service keys it
/// <c>/pets/GET</c> in the plan's <c>apiStages[].throttle</c> and patches it at
/// <c>/apiStages/{apiId}:{stage}/throttle/{resourcePath}/{method}/rateLimit</c> (and <c>burstLimit</c>), the
/// resource path written with its leading slash (<c>throttle//pets/GET/rateLimit</c>), as the Terraform AWS
/// provider sends it against the real service.
/// </summary>
internal sealed record UsagePlanThrottle(string Key, double Rate, int Burst)
{
    private const char EntrySeparator = ';';

    /// <summary>Reads the entries of one plan's throttle text, separated by <c>;</c>; blank: none.</summary>
    /// <exception cref="PetardException">An entry is not <c>/path/METHOD=rate/burst</c> (PETARD1050).</exception>
    public static IReadOnlyList<UsagePlanThrottle> Parse(string plan, string? text) =>
        (text ?? "").Split(EntrySeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => ParseEntry(entry) ?? throw PetardErrors.UsagePlanThrottleInvalid(plan, entry))
            .ToList();

    private static UsagePlanThrottle? ParseEntry(string entry)
    {
        var equals = entry.LastIndexOf('=');
        var limits = equals < 0 ? [] : entry[(equals + 1)..].Split('/');
        var key = equals < 0 ? "" : entry[..equals].Trim();
        var method = key[(key.LastIndexOf('/') + 1)..];
        var valid = key.StartsWith('/') && key.LastIndexOf('/') > 0 && IsMethod(method)
            && limits.Length == 2
            && double.TryParse(limits[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate) && rate >= 0
            && int.TryParse(limits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var burst);
        return valid ? new UsagePlanThrottle(key, double.Parse(limits[0], CultureInfo.InvariantCulture), int.Parse(limits[1], CultureInfo.InvariantCulture)) : null;
    }

    private static bool IsMethod(string method) => method == "*" || (method.Length > 0 && method.All(char.IsAsciiLetterUpper));

    /// <summary>Whether the plan's stage entry (<c>apiStages[]</c> item) already carries this throttle.</summary>
    public bool IsOn(JsonElement apiStage) =>
        apiStage.TryGetProperty("throttle", out var throttles) && throttles.ValueKind == JsonValueKind.Object
        && throttles.TryGetProperty(Key, out var current)
        && current.TryGetProperty("rateLimit", out var rate) && rate.ValueKind == JsonValueKind.Number && rate.GetDouble() == Rate
        && current.TryGetProperty("burstLimit", out var burst) && burst.ValueKind == JsonValueKind.Number && burst.GetDouble() == Burst;

    /// <summary>The two patch operations that set it on the plan's stage <paramref name="apiStage"/> (<c>apiId:stage</c>).</summary>
    public IEnumerable<JsonObject> Patches(string apiStage) =>
    [
        new JsonObject { ["op"] = "replace", ["path"] = $"/apiStages/{apiStage}/throttle/{Key}/rateLimit", ["value"] = Rate.ToString(CultureInfo.InvariantCulture) },
        new JsonObject { ["op"] = "replace", ["path"] = $"/apiStages/{apiStage}/throttle/{Key}/burstLimit", ["value"] = Burst.ToString(CultureInfo.InvariantCulture) },
    ];

    /// <inheritdoc/>
    public override string ToString() => $"{Key}={Rate.ToString(CultureInfo.InvariantCulture)}/{Burst.ToString(CultureInfo.InvariantCulture)}";
}
