using System.Globalization;
using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// The smallest set of <c>UpdateStage</c> patch operations that turns the stage the service has into
/// the stage the request declares. Settings the request leaves unset are not touched.
/// </summary>
internal static class StagePatchPlanner
{
    /// <param name="stage">The stage as GetStage returned it; an empty object for a stage just created.</param>
    /// <param name="spec">The declared settings.</param>
    /// <param name="deploymentId">The deployment the stage should serve, if it should change.</param>
    public static IReadOnlyList<StagePatch> Plan(Resource stage, StageSpec spec, string? deploymentId)
    {
        var patches = new List<StagePatch>();
        Replace(patches, "/deploymentId", stage.GetString("deploymentId"), deploymentId, "stage deployment");
        foreach (var field in spec.Fields)
        {
            Replace(patches, "/" + field.Member, field.IsFlag ? Flag(stage[field.Member]) : Text(stage[field.Member]), field.Text, field.What);
        }

        PlanVariables(patches, stage["variables"], spec.Variables);
        patches.AddRange(PlanMethodSettings(stage, spec.MethodSettings));
        return patches;
    }

    private static void PlanVariables(List<StagePatch> patches, JsonElement current, IDictionary<string, string>? declared)
    {
        var existing = current.ValueKind == JsonValueKind.Object
            ? current.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        PlanVariables(patches, existing, declared, "/variables", "stage variable");
    }

    /// <summary>
    /// The patches that make a variable map (the stage's, or its canary's overrides) the declared
    /// complete set; nothing when none is declared.
    /// </summary>
    /// <param name="patches">Where the patches go.</param>
    /// <param name="existing">The map as the service has it.</param>
    /// <param name="declared">The declared set; null: leave the map alone.</param>
    /// <param name="path">The map's patch path, e.g. <c>/variables</c>.</param>
    /// <param name="what">The variables in words, e.g. "stage variable".</param>
    public static void PlanVariables(List<StagePatch> patches, IReadOnlyDictionary<string, string> existing, IDictionary<string, string>? declared, string path, string what)
    {
        if (declared is null)
        {
            return;
        }

        // Values may be secrets (tokens, keys): the change lines name the variables, never their values.
        foreach (var (name, value) in declared.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var had = existing.GetValueOrDefault(name);
            if (!string.Equals(had, value, StringComparison.Ordinal))
            {
                patches.Add(new StagePatch("replace", $"{path}/{name}", value, had is null ? $"added {what} {name}" : $"changed {what} {name}"));
            }
        }

        foreach (var name in existing.Keys.Where(n => !declared.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            patches.Add(new StagePatch("remove", $"{path}/{name}", null, $"removed {what} {name}"));
        }
    }

    /// <summary>The patches for the method settings that differ from the stage's (CreateStage takes none, so a new stage gets them this way).</summary>
    public static IReadOnlyList<StagePatch> PlanMethodSettings(Resource stage, IEnumerable<MethodSetting> declared)
    {
        var current = stage["methodSettings"];
        var patches = new List<StagePatch>();

        // The last declaration of a setting wins, as with MSBuild properties.
        var latest = declared.GroupBy(s => s.PatchPath, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(s => s.PatchPath, StringComparer.Ordinal);
        foreach (var setting in latest)
        {
            var key = setting.Rule!.Property;
            var existing = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(setting.MethodKey, out var method) && method.ValueKind == JsonValueKind.Object && method.TryGetProperty(key, out var value)
                ? value
                : default;
            if (!SameValue(existing, setting.Value))
            {
                var path = setting.PatchPath;
                patches.Add(new StagePatch("replace", path, setting.Value, $"method setting {path.TrimStart('/')}: {Show(Text(existing))} -> {setting.Value}"));
            }
        }

        return patches;
    }

    private static bool SameValue(JsonElement existing, string declared) => existing.ValueKind switch
    {
        JsonValueKind.Number => double.TryParse(declared, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == existing.GetDouble(),
        JsonValueKind.True or JsonValueKind.False => bool.TryParse(declared, out var flag) && flag == existing.GetBoolean(),
        JsonValueKind.String => existing.GetString() == declared,
        _ => false,
    };

    private static void Replace(List<StagePatch> patches, string path, string? current, string? declared, string what)
    {
        if (declared is not null && !string.Equals(current, declared, StringComparison.Ordinal))
        {
            patches.Add(new StagePatch("replace", path, declared, $"{what}: {Show(current)} -> {declared}"));
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => value.ToString(),
    };

    // The service may leave a false flag out of its answer.
    private static string Flag(JsonElement value) => value.ValueKind == JsonValueKind.True ? "true" : "false";


    private static string Show(string? value) => value ?? "(none)";
}
