namespace Petard;

/// <summary>Every warning the workflows give, one factory method each, so each is written once.</summary>
internal static class PetardWarnings
{
    public static PetardWarning NoFingerprint() => Warning(
        PetardErrorCodes.NoFingerprint,
        $"No OpenAPI file and no triggers: Petard cannot tell whether the API changed, so it creates a deployment on every run. Set {S("OpenApiFile")}, or add {S("Triggers")} (e.g. the version) to deploy only on change.");

    public static PetardWarning ImportWarning(string file, string serviceWarning) => Warning(
        PetardErrorCodes.ImportWarning,
        $"API Gateway's import of {file} warned: {serviceWarning} Set {S("FailOnWarnings")} to make such a warning fail the deploy.");

    public static PetardWarning AnswerLost(string operation, string reason) => Warning(
        PetardErrorCodes.AnswerLost,
        $"{operation}: the answer was lost, so Petard checks whether the call took effect before sending it again ({reason})");

    private static Setting S(string name) => new(name);

    private static PetardWarning Warning(string code, FormattableString template) => new(code, template);
}
