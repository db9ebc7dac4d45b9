using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardEnsureStage"/>: create the stage when missing,
/// otherwise patch only what differs from these settings.
/// </summary>
public sealed class PetardEnsureStageSettings : PetardStageSettings
{
    /// <summary>The deployment the stage serves; required when the stage does not exist yet.</summary>
    public string? DeploymentId { get; set; }

    internal EnsureStageRequest ToRequest() => FillStage(new EnsureStageRequest { DeploymentId = DeploymentId });
}
