using Petard.Workflows;

namespace Petard.Build;

/// <summary>Creates a stage when missing, otherwise patches only the declared settings that differ.</summary>
public sealed class PetardEnsureStage : PetardStageTask
{
    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        var request = TaskRequests.Request(this, new EnsureStageRequest { DeploymentId = TaskRequests.OrNull(DeploymentId) });
        TaskRequests.Stage(this, request.Stage);
        return deployer.EnsureStageAsync(request, cancellationToken);
    }
}
