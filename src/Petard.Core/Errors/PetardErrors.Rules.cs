using Petard.Model;

namespace Petard;

/// <summary>The errors of the service rules (<see cref="ServiceRules"/>), checked before any call.</summary>
internal static partial class PetardErrors
{
    public static PetardException StageNameMissing() =>
        Error(PetardErrorCodes.InvalidStageName, $"No stage name is set. Set {S("StageName")}, e.g. 'dev'.");

    public static PetardException StageNameInvalid(string stageName, TextRule rule) =>
        Error(PetardErrorCodes.InvalidStageName, $"The stage name '{stageName}' is not valid ({S("StageName")}): use {rule.Allowed} only, at most {rule.MaxLength} characters (e.g. 'dev' or 'prod_v2').");

    public static PetardException StageVariableNameInvalid(string name, TextRule rule, string setting = "Variables") =>
        Error(PetardErrorCodes.InvalidStageVariable, $"The stage variable name '{name}' is not valid: use {rule.Allowed} only, 1 to {rule.MaxLength} characters ({S(setting)}).");

    /// <summary>Names the variable but never echoes its value, which may be a secret.</summary>
    public static PetardException StageVariableValueInvalid(string name, TextRule rule, string setting = "Variables") =>
        Error(PetardErrorCodes.InvalidStageVariable, $"The value of stage variable '{name}' is not valid: it must be 1 to {rule.MaxLength} characters of {rule.Allowed} only ({S(setting)}).");

    public static PetardException CacheClusterSizeInvalid(string size, IReadOnlyList<string> sizes) =>
        Error(PetardErrorCodes.InvalidInput, $"The cache cluster size '{size}' is not one the service offers: use one of {string.Join(", ", sizes)} (GB) ({S("CacheClusterSize")}).");

    public static PetardException PutModeInvalid(string? mode, IReadOnlyList<string> modes) =>
        Error(PetardErrorCodes.InvalidInput, $"The put mode '{mode}' is not valid: use one of {string.Join(", ", modes)} ({S("PutMode")}; overwrite replaces the API with the file, merge adds the file to it).");

    public static PetardException MethodSettingValueInvalid(string path, string? value, MethodSettingRule rule) =>
        Error(PetardErrorCodes.InvalidInput, $"The method setting '{path}' has the value '{value}', which the service does not accept: use {rule.Expected} ({S("MethodSettings")}).");

}
