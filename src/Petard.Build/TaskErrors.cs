namespace Petard.Build;

/// <summary>The errors only MSBuild's items can cause, written once each; the core's errors cover the rest.</summary>
internal static class TaskErrors
{
    public static PetardException VariableWithoutValue(string name) =>
        WithoutValue(PetardErrorCodes.InvalidStageVariable, "PetardStageVariable", name);

    public static PetardException CanaryVariableWithoutValue(string name) =>
        WithoutValue(PetardErrorCodes.InvalidStageVariable, "PetardCanaryStageVariable", name);

    public static PetardException MethodSettingWithoutValue(string setting) =>
        WithoutValue(PetardErrorCodes.InvalidInput, "PetardMethodSetting", setting);

    private static PetardException WithoutValue(string code, string item, string include) =>
        new(code, $"The {item} item '{include}' has no Value metadata. Write it as <{item} Include=\"{include}\" Value=\"...\" />.");
}
