using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.State;

/// <summary>The service's rules for stage names and stage variables.</summary>
internal static partial class StageRules
{
    public const int MaxStageNameLength = 128;
    public const int MaxVariableValueLength = 512;

    public static void CheckStageName(string name)
    {
        if (name.Length > MaxStageNameLength || !StageNamePattern().IsMatch(name))
        {
            throw GatewayException.BadRequest($"Stage name only allows a-zA-Z0-9_- and at most {MaxStageNameLength} characters: '{name}'.");
        }
    }

    public static void CheckVariables(JsonObject? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            if (value is not JsonValue v || !v.TryGetValue(out string? text))
            {
                throw GatewayException.BadRequest($"Stage variable '{name}' must have a string value.");
            }

            CheckVariable(name, text);
        }
    }

    /// <summary>Checks one variable; a <c>null</c> value (a removal) checks the name only.</summary>
    public static void CheckVariable(string name, string? value)
    {
        if (!VariableNamePattern().IsMatch(name))
        {
            throw GatewayException.BadRequest($"Stage variable name '{name}' is invalid: only [A-Za-z0-9_] characters are allowed.");
        }

        if (value is not null && (value.Length > MaxVariableValueLength || !VariableValuePattern().IsMatch(value)))
        {
            throw GatewayException.BadRequest($"Stage variable value for '{name}' is invalid: at most {MaxVariableValueLength} characters of [A-Za-z0-9-._~:/?#&=,] are allowed.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex("^[A-Za-z0-9._~:/?#&=,-]*$")]
    private static partial Regex VariableValuePattern();
}
