using System.Globalization;
using System.Text.Json;

namespace Petard.Workflows;

/// <summary>A stage's canary as the service reports it (<c>canarySettings</c>).</summary>
/// <param name="DeploymentId">The deployment the canary serves.</param>
/// <param name="Percent">Its share of the requests.</param>
/// <param name="Overrides">The stage variables it sees instead of the stage's.</param>
internal sealed record CanaryState(string? DeploymentId, double Percent, IReadOnlyDictionary<string, string> Overrides)
{
    /// <summary>The stage's canary, or null when it has none.</summary>
    public static CanaryState? Of(Resource? stage)
    {
        var canary = stage?["canarySettings"] ?? default;
        if (canary.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var deploymentId = canary.TryGetProperty("deploymentId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var percent = canary.TryGetProperty("percentTraffic", out var share) && share.ValueKind == JsonValueKind.Number ? share.GetDouble() : 0;
        var overrides = canary.TryGetProperty("stageVariableOverrides", out var variables) && variables.ValueKind == JsonValueKind.Object
            ? variables.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new CanaryState(deploymentId, percent, overrides);
    }

    /// <summary>The canary in words, e.g. "deployment abc123 at 10%".</summary>
    public override string ToString() => $"deployment {DeploymentId ?? "(none)"} at {Show(Percent)}%";

    public static string Show(double percent) => percent.ToString(CultureInfo.InvariantCulture);
}
