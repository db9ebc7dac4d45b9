using Petard.Workflows;

namespace Petard.Build;

/// <summary>Finds a REST API by id or name and outputs its id (<c>RestApiId</c>).</summary>
public sealed class PetardResolveRestApi : PetardRestApiTask
{
    /// <inheritdoc />
    protected override Task<DeployResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.ResolveRestApiAsync(WithRestApi(new ResolveRestApiRequest()), cancellationToken);
}
