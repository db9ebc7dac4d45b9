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

    public static PetardWarning OpenApi31Dropped(string path, int line, string what, IReadOnlyList<string> where) => new(
        PetardErrorCodes.OpenApi31Dropped,
        $"{Path.GetFileName(path)} is OpenAPI 3.1; API Gateway imports 3.0, which cannot say {what}, so it was dropped at {Locations(where)}. API Gateway would not have used it; remove it from the definition to silence this.")
    {
        File = path,
        Line = line,
    };

    private static string Locations(IReadOnlyList<string> where) =>
        where.Count <= 3 ? string.Join(", ", where) : $"{string.Join(", ", where.Take(3))} and {where.Count - 3} more";

    private static Setting S(string name) => new(name);

    private static PetardWarning Warning(string code, FormattableString template) => new(code, template);
}
