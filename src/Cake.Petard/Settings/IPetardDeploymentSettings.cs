using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of a deployment, shared by <see cref="PetardCreateDeploymentSettings"/> and <see cref="PetardDeployApiSettings"/>.</summary>
public interface IPetardDeploymentSettings
{
    /// <inheritdoc cref="DeploymentSpec.Description"/>
    string? DeploymentDescription { get; set; }

    /// <inheritdoc cref="DeploymentSpec.Triggers"/>
    IList<string> Triggers { get; set; }

    /// <inheritdoc cref="DeploymentSpec.Force"/>
    bool ForceDeploy { get; set; }
}
