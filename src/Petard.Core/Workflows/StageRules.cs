using Petard.Model;

namespace Petard.Workflows;

/// <summary>The service's rules for stage names, stage variables and cache sizes (<see cref="ServiceRules"/>), checked before any call.</summary>
internal static class StageRules
{
    public static void ValidateStageName(string? stageName)
    {
        if (string.IsNullOrWhiteSpace(stageName))
        {
            throw PetardErrors.StageNameMissing();
        }

        var rule = ServiceRules.Default.StageName;
        if (!rule.Accepts(stageName))
        {
            throw PetardErrors.StageNameInvalid(stageName, rule);
        }
    }

    /// <summary>Checks every variable; the message names the variable but never echoes its value.</summary>
    /// <param name="variables">The variables.</param>
    /// <param name="setting">The setting that declares them, for the error (the stage's, or the canary's).</param>
    public static void ValidateVariables(IDictionary<string, string>? variables, string setting = "Variables")
    {
        var rules = ServiceRules.Default;
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            if (!rules.VariableName.Accepts(name))
            {
                throw PetardErrors.StageVariableNameInvalid(name, rules.VariableName, setting);
            }

            if (!rules.VariableValue.Accepts(value))
            {
                throw PetardErrors.StageVariableValueInvalid(name, rules.VariableValue, setting);
            }
        }
    }

    public static void ValidateCacheClusterSize(string? size)
    {
        var sizes = ServiceRules.Default.CacheClusterSizes;
        if (size is not null && !sizes.Contains(size))
        {
            throw PetardErrors.CacheClusterSizeInvalid(size, sizes);
        }
    }
}
