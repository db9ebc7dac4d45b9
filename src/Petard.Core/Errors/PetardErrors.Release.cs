namespace Petard;

/// <summary>The errors of the release workflows: canary, promotion, plan and drift.</summary>
internal static partial class PetardErrors
{
    public static PetardException CanaryPercentInvalid(string text) => Error(
        PetardErrorCodes.CanaryPercentInvalid,
        $"The canary share '{text}' is not valid ({S("CanaryPercent")}): use a number from 0.0 to 100.0 with '.' as the decimal point, e.g. 10 to send a tenth of the requests to the canary.");

    public static PetardException CanaryOnStage(string stageName, string? canaryDeploymentId, double percent) => Error(
        PetardErrorCodes.CanaryOnStage,
        $"Stage '{stageName}' has a canary (deployment {canaryDeploymentId ?? "(none)"}, {percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}% of requests), and this deploy would replace the deployment under it. Promote the canary (PromoteCanary) or abort it (AbortCanary) first, or set {S("CanaryPercent")} to deploy this build as the stage's canary instead.");

    public static PetardException StageNotFound(string stageName, string restApiId) => Error(
        PetardErrorCodes.StageNotFound,
        $"Stage '{stageName}' of REST API {restApiId} does not exist. Check {S("StageName")}: a canary is promoted or aborted on a stage that a deploy created.");

    public static PetardException DriftFound(string stageName, IEnumerable<string> drift) => Error(
        PetardErrorCodes.DriftFound,
        $"Stage '{stageName}' has drifted: {string.Join("; ", drift)}. Deploy to bring the stage back to the declared state (promote or abort a leftover canary), or set {S("FailOnDrift")} to false to report drift as a warning only.");
}
