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

    public static PetardException UsagePlanNotFound(string plan) => Error(
        PetardErrorCodes.UsagePlanNotFound,
        $"No usage plan has the id or name '{plan}' ({S("UsagePlans")}). Create it first (Petard attaches stages to existing plans only); 'aws apigateway get-usage-plans' lists them.");

    public static PetardException UsagePlanAmbiguous(string name, IEnumerable<string?> ids) => Error(
        PetardErrorCodes.UsagePlanAmbiguous,
        $"Several usage plans are named '{name}' (ids {string.Join(", ", ids)}): name the one to attach by its id ({S("UsagePlans")}).");

    public static PetardException BasePathWithSlash(string basePath) => Error(
        PetardErrorCodes.BasePathInvalid,
        $"The base path '{basePath}' has a '/' inside ({S("BasePath")}): a REST API's base path mapping is one segment, e.g. 'orders'. Leave it empty to map the domain's root.");

    public static PetardException BasePathWithoutDomain(string basePath) => Error(
        PetardErrorCodes.BasePathInvalid,
        $"The base path '{basePath}' is set without a domain name: set {S("DomainName")} to the custom domain (e.g. api.example.com), or remove {S("BasePath")}.");

    public static PetardException DomainNameNotFound(string domainName) => Error(
        PetardErrorCodes.DomainNameNotFound,
        $"The custom domain '{domainName}' does not exist in this account and region ({S("DomainName")}). Create it (with its certificate) first: Petard maps stages onto existing domains only.");

    public static PetardException BasePathTaken(string domainName, string basePath, string? restApiId, string? stage) => Error(
        PetardErrorCodes.BasePathTaken,
        $"The base path '{basePath}' of domain '{domainName}' maps REST API {restApiId} (stage {stage ?? "(none)"}), another API. Petard does not take a mapping over: choose another {S("BasePath")}, or remove that mapping yourself.");

    public static PetardException RootMappingConflict(string domainName, string basePath, string others) => Error(
        PetardErrorCodes.BasePathTaken,
        $"Domain '{domainName}' cannot map base path '{basePath}' beside its other mappings ({others}): an empty base path takes the whole domain. Set {S("BasePath")} to a segment of its own, or move the other mapping.");

    public static PetardException CanaryMoved(string stageName, string read, string now) => Error(
        PetardErrorCodes.CanaryMoved,
        $"Stage '{stageName}' changed while the canary was being promoted: it was {read} when read and is {now} now, so another release moved it. Nothing was promoted; check the stage and run PromoteCanary again to promote what it serves now.");

    public static PetardException UsagePlanThrottleInvalid(string plan, string entry) => Error(
        PetardErrorCodes.UsagePlanThrottleInvalid,
        $"The throttle '{entry}' of usage plan '{plan}' is not valid ({S("UsagePlanThrottles")}): write entries as /resource/path/METHOD=rate/burst separated by ';', e.g. '/pets/GET=100/200;/pets/{{id}}/DELETE=5/10', with rate a number of requests per second and burst a whole number.");
}
