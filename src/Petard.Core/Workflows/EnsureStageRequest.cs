namespace Petard.Workflows;

/// <summary>Create the stage when missing, otherwise patch only what differs; never deletes it.</summary>
public class EnsureStageRequest : StageSettingsRequest
{
    /// <summary>The deployment the stage serves; required when the stage does not exist yet.</summary>
    public string? DeploymentId { get; set; }
}
