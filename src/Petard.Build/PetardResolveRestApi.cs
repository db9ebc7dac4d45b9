using Petard.Workflows;

namespace Petard.Build;

/// <summary>Finds a REST API by id or name; its id is the <see cref="PetardTask.RestApiId"/> output.</summary>
public sealed class PetardResolveRestApi : PetardTask
{
    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.ResolveRestApiAsync(TaskRequests.Request(this, new ResolveRestApiRequest()), cancellationToken);
}
