namespace Petard.Workflows;

/// <summary>Create the stage when missing, otherwise patch only what differs; never deletes it.</summary>
public sealed class EnsureStageRequest : WorkflowRequest
{
    /// <summary>The stage's declared state.</summary>
    public StageSpec Stage { get; } = new();

    /// <summary>The deployment the stage serves; required when the stage does not exist yet.</summary>
    public string? DeploymentId { get; set; }
}
