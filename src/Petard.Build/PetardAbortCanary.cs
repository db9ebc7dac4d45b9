using Petard.Workflows;

namespace Petard.Build;

/// <summary>Removes the stage's canary, leaving the stage's deployment; nothing when there is none.</summary>
public sealed class PetardAbortCanary : PetardCanaryTask
{
    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.AbortCanaryAsync(Request(new AbortCanaryRequest()), cancellationToken);
}
