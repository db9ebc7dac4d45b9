namespace Petard.Workflows;

/// <summary>
/// Create a deployment (a snapshot of the API) unless the stage already serves one with the same
/// fingerprint. The stage itself is not touched: <see cref="PetardDeployer.EnsureStageAsync"/> points it.
/// </summary>
public class CreateDeploymentRequest : ResolveRestApiRequest
{
    /// <summary>The stage whose current deployment is compared; without it a deployment is always created.</summary>
    public string? StageName { get; set; }

    /// <summary>The deployment's description; Petard appends its fingerprint.</summary>
    public string? DeploymentDescription { get; set; }

    /// <summary>Anything else that should cause a new deployment when it changes (versions, hashes).</summary>
    public IList<string> Triggers { get; set; } = [];

    /// <summary>Create a deployment even when the fingerprint matches.</summary>
    public bool ForceDeploy { get; set; }

    /// <summary>The OpenAPI file that was imported; its content is part of the fingerprint.</summary>
    public string? OpenApiFile { get; set; }
}
