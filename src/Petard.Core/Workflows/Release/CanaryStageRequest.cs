namespace Petard.Workflows;

/// <summary>What a release step on a stage's canary needs: the REST API and the stage.</summary>
public abstract class CanaryStageRequest : WorkflowRequest
{
    /// <summary>The stage whose canary is released, e.g. <c>prod</c>; it must exist.</summary>
    public string? StageName { get; set; }
}

/// <summary>
/// Promote the stage's canary as the service documents it, in one <c>UpdateStage</c>: the stage serves
/// the canary's deployment, the canary's variable overrides become stage variables, the canary is
/// removed. A stage without a canary is left alone (promoting twice is safe).
/// </summary>
public sealed class PromoteCanaryRequest : CanaryStageRequest
{
}

/// <summary>
/// Abort the stage's canary: it is removed and the stage keeps serving its deployment and variables.
/// A stage without a canary is left alone (aborting twice is safe).
/// </summary>
public sealed class AbortCanaryRequest : CanaryStageRequest
{
}
