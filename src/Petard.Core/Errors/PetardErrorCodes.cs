namespace Petard;

/// <summary>
/// The stable codes of Petard's errors, shared by every front end: MSBuild reports them as error
/// codes, Cake prints them, and each has a section of the same name in the README that explains the fix.
/// </summary>
public static class PetardErrorCodes
{
    /// <summary>Neither a REST API id nor a name was given.</summary>
    public const string MissingRestApi = "PETARD1001";

    /// <summary>No REST API has the given id or name.</summary>
    public const string RestApiNotFound = "PETARD1002";

    /// <summary>Several REST APIs have the given name.</summary>
    public const string RestApiAmbiguous = "PETARD1003";

    /// <summary>A stage name breaks the service's rules.</summary>
    public const string InvalidStageName = "PETARD1004";

    /// <summary>A stage variable's name or value breaks the service's rules.</summary>
    public const string InvalidStageVariable = "PETARD1005";

    /// <summary>The OpenAPI file does not exist or cannot be read.</summary>
    public const string OpenApiFileMissing = "PETARD1006";

    /// <summary>The OpenAPI file is not valid OpenAPI 2/3 JSON or YAML, or is too large.</summary>
    public const string OpenApiFileInvalid = "PETARD1007";

    /// <summary>No AWS credentials could be found.</summary>
    public const string NoCredentials = "PETARD1008";

    /// <summary>No AWS region is set.</summary>
    public const string NoRegion = "PETARD1009";

    /// <summary>API Gateway answered with an error.</summary>
    public const string ServiceError = "PETARD1010";

    /// <summary>Calls were still throttled or failing transiently after every retry.</summary>
    public const string RetriesExhausted = "PETARD1011";

    /// <summary>The endpoint URL is malformed or unsafe (plain http off loopback).</summary>
    public const string InvalidEndpoint = "PETARD1012";

    /// <summary>The named AWS profile does not exist or has no credentials.</summary>
    public const string ProfileNotFound = "PETARD1013";

    /// <summary>A parameter is invalid (unknown operation or member, wrong type, missing or empty value).</summary>
    public const string InvalidInput = "PETARD1014";

    /// <summary>The endpoint could not be reached or did not answer in time.</summary>
    public const string Unreachable = "PETARD1015";

    /// <summary>The answer could not be read (not JSON, truncated, too large).</summary>
    public const string UnreadableResponse = "PETARD1016";

    /// <summary>Petard failed in a way it does not expect (a bug): the front end reports it coded, without a stack trace.</summary>
    public const string Unexpected = "PETARD1017";

    /// <summary>The stage moved to another deployment while this run worked (a concurrent or newer deploy): this run stops rather than move it back.</summary>
    public const string StageMoved = "PETARD1018";

    /// <summary>MSBuild only: a .NET Framework MSBuild older than 18 cannot run the .NET tasks (reported by Petard.Build.targets).</summary>
    public const string MSBuildTooOld = "PETARD1019";

    /// <summary>Operations of the definition have no integration, so API Gateway would refuse to deploy it (code-first codes start at 1030).</summary>
    public const string NoIntegration = "PETARD1030";

    /// <summary>An integration setting is invalid: an unknown type, a missing or malformed URI, an operation the definition does not have.</summary>
    public const string InvalidIntegration = "PETARD1031";

    /// <summary>The canary's share of traffic is not a number from 0.0 to 100.0.</summary>
    public const string CanaryPercentInvalid = "PETARD1040";

    /// <summary>A deploy without a canary share would replace a stage's deployment while the stage has a canary: promote or abort it first, or deploy as the canary.</summary>
    public const string CanaryOnStage = "PETARD1041";

    /// <summary>A release step (promote, abort) names a stage that does not exist.</summary>
    public const string StageNotFound = "PETARD1042";

    /// <summary>The plan found drift and the build asked to fail on it (<c>FailOnDrift</c>).</summary>
    public const string DriftFound = "PETARD1043";

    /// <summary>A usage plan named by id or name does not exist.</summary>
    public const string UsagePlanNotFound = "PETARD1044";

    /// <summary>Several usage plans have the name given.</summary>
    public const string UsagePlanAmbiguous = "PETARD1045";

    /// <summary>The base path is not one a REST API's mapping can have (a <c>/</c> inside), or is given without a domain name.</summary>
    public const string BasePathInvalid = "PETARD1046";

    /// <summary>The custom domain name does not exist.</summary>
    public const string DomainNameNotFound = "PETARD1047";

    /// <summary>The base path is already used for another API (or the domain's empty base path blocks it): Petard does not take it over.</summary>
    public const string BasePathTaken = "PETARD1048";

    /// <summary>The stage's canary or deployment changed between the promotion's read and its write (another release ran): nothing is promoted.</summary>
    public const string CanaryMoved = "PETARD1049";

    /// <summary>A usage plan's <c>Throttle</c> metadata is not a list of <c>/path/METHOD=rate/burst</c> entries.</summary>
    public const string UsagePlanThrottleInvalid = "PETARD1050";

    /// <summary>Warning: no OpenAPI file and no triggers, so every run deploys.</summary>
    public const string NoFingerprint = "PETARD2001";

    /// <summary>Warning: API Gateway reported a warning when importing the OpenAPI file (something it ignored).</summary>
    public const string ImportWarning = "PETARD2002";

    /// <summary>Warning: a call's answer was lost; Petard checked whether it took effect before sending it again.</summary>
    public const string AnswerLost = "PETARD2003";

    /// <summary>Warning: the project sets a <c>Petard*</c> property that Petard does not have (a typo).</summary>
    public const string UnknownProperty = "PETARD2004";

    /// <summary>MSBuild only, warning: PetardDeployTargetFramework is not one of TargetFrameworks, so deploy-on-build deploys nothing (reported by Petard.Build.targets).</summary>
    public const string DeployTargetFrameworkMissing = "PETARD2005";

    /// <summary>Warning: the OpenAPI 3.1 definition says something OpenAPI 3.0 (what API Gateway imports) cannot; it was dropped on conversion.</summary>
    public const string OpenApi31Dropped = "PETARD2030";
}
