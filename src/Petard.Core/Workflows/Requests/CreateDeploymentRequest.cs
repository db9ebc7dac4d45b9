namespace Petard.Workflows;

/// <summary>
/// Create a deployment (a snapshot of the API) unless the stage already serves one with the same
/// fingerprint. The stage itself is not touched: <see cref="PetardDeployer.EnsureStageAsync"/> points it.
/// </summary>
public sealed class CreateDeploymentRequest : WorkflowRequest
{
    /// <summary>The deployment and the triggers of its fingerprint.</summary>
    public DeploymentSpec Deployment { get; } = new();

    /// <summary>The definition that was imported, with the same settings as the import (file, generated documents, integrations): it is prepared as the import prepared it and fingerprinted.</summary>
    public ImportSpec Import { get; } = new();

    /// <summary>The stage whose current deployment is compared; without it a deployment is always created.</summary>
    public string? StageName { get; set; }
}
