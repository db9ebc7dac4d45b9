using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardEnsureStage"/>: create the stage when missing,
/// otherwise patch only what differs from these settings. They are the core's <see cref="EnsureStageRequest"/>.
/// </summary>
public sealed class PetardEnsureStageSettings : PetardStageSettings
{
    private readonly EnsureStageRequest request = new();

    /// <inheritdoc cref="EnsureStageRequest.DeploymentId"/>
    public string? DeploymentId { get => request.DeploymentId; set => request.DeploymentId = value; }

    /// <inheritdoc />
    internal override EnsureStageRequest Request => request;

    /// <inheritdoc />
    internal override StageSpec Stage => request.Stage;
}
