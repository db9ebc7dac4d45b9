using Petard.Workflows;

namespace Petard.Build;

/// <summary>Creates the stage when missing; otherwise sends only the settings that differ (one UpdateStage, or none). Never deletes.</summary>
public sealed class PetardEnsureStage : PetardStageTask
{
    /// <inheritdoc />
    protected override Task<DeployResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        var request = WithStage(new EnsureStageRequest());
        request.DeploymentId = Blank(DeploymentId);
        return deployer.EnsureStageAsync(request, cancellationToken);
    }
}
