namespace Petard.Workflows;

/// <summary>What every workflow request has.</summary>
public abstract class WorkflowRequest
{
    /// <summary>Read only and report the plan: no write call is made.</summary>
    public bool DryRun { get; set; }
}
