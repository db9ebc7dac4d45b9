namespace Cake.Petard;

/// <summary>The settings of a deployment, shared by <see cref="PetardCreateDeploymentSettings"/> and <see cref="PetardDeployApiSettings"/>.</summary>
public interface IPetardDeploymentSettings
{
    /// <summary>The deployment's description; Petard appends its fingerprint.</summary>
    string? DeploymentDescription { get; set; }

    /// <summary>Anything else that should cause a new deployment when it changes (versions, hashes).</summary>
    IList<string> Triggers { get; set; }

    /// <summary>Create a deployment even when the stage already serves one with the same fingerprint.</summary>
    bool ForceDeploy { get; set; }
}
