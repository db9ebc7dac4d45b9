using System.Buffers;

namespace Petard.Workflows;

/// <summary>The service's rules for stage names and stage variables, checked before any call.</summary>
internal static class StageRules
{
    public const int MaxStageNameLength = 128;
    public const int MaxVariableNameLength = 64;
    public const int MaxVariableValueLength = 512;

    /// <summary>The cache cluster sizes the service offers, in GB.</summary>
    public static readonly IReadOnlyList<string> CacheClusterSizes = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"];

    private static readonly SearchValues<char> StageNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    private static readonly SearchValues<char> VariableNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
    private static readonly SearchValues<char> VariableValueChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#&=,");

    public static void ValidateStageName(string? stageName)
    {
        if (string.IsNullOrWhiteSpace(stageName))
        {
            throw new PetardException(PetardErrorCodes.InvalidStageName, "No stage name is set. Set the stage name (MSBuild: PetardStageName), e.g. 'dev'.");
        }

        if (stageName.Length > MaxStageNameLength || stageName.AsSpan().IndexOfAnyExcept(StageNameChars) >= 0)
        {
            throw new PetardException(PetardErrorCodes.InvalidStageName, $"The stage name '{stageName}' is not valid: use letters, digits, '-' and '_' only, at most {MaxStageNameLength} characters (e.g. 'dev' or 'prod_v2').");
        }
    }

    /// <summary>Checks every variable; the message names the variable but never echoes its value.</summary>
    public static void ValidateVariables(IDictionary<string, string>? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxVariableNameLength || name.AsSpan().IndexOfAnyExcept(VariableNameChars) >= 0)
            {
                throw new PetardException(PetardErrorCodes.InvalidStageVariable, $"The stage variable name '{name}' is not valid: use letters, digits and '_' only, 1 to {MaxVariableNameLength} characters.");
            }

            if (string.IsNullOrEmpty(value) || value.Length > MaxVariableValueLength || value.AsSpan().IndexOfAnyExcept(VariableValueChars) >= 0)
            {
                throw new PetardException(PetardErrorCodes.InvalidStageVariable, $"The value of stage variable '{name}' is not valid: it must be 1 to {MaxVariableValueLength} characters of letters, digits and -._~:/?#&=, only.");
            }
        }
    }

    public static void ValidateCacheClusterSize(string? size)
    {
        if (size is not null && !CacheClusterSizes.Contains(size))
        {
            throw new PetardException(PetardErrorCodes.InvalidInput, $"The cache cluster size '{size}' is not one the service offers: use one of {string.Join(", ", CacheClusterSizes)} (GB).");
        }
    }
}
