using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>The parameters of a deployment, shared by <see cref="PetardCreateDeployment"/> and <see cref="PetardDeployApi"/>.</summary>
internal interface IDeploymentParameters
{
    /// <summary>The deployment's description (the fingerprint is appended).</summary>
    string? DeploymentDescription { get; }

    /// <summary>Items whose text is part of the fingerprint (versions, hashes).</summary>
    ITaskItem[]? Triggers { get; }

    /// <summary>Deploy even when nothing changed.</summary>
    bool ForceDeploy { get; }
}
