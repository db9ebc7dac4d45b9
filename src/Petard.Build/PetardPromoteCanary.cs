using Petard.Workflows;

namespace Petard.Build;

/// <summary>Promotes the stage's canary in one <c>UpdateStage</c> (its deployment and variables become the stage's); nothing when there is none.</summary>
public sealed class PetardPromoteCanary : PetardCanaryTask
{
    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.PromoteCanaryAsync(Request(new PromoteCanaryRequest()), cancellationToken);
}
