using Cake.Core;
using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardCreateDeployment"/>: create a deployment unless
/// <see cref="StageName"/> already serves one with the same fingerprint.
/// </summary>
public sealed class PetardCreateDeploymentSettings : PetardRestApiSettings, IPetardDeploymentSettings
{
    /// <summary>The stage whose current deployment is compared; without it a deployment is always created.</summary>
    public string? StageName { get; set; }

    /// <summary>The OpenAPI file that was imported: its content is part of the fingerprint; relative to the Cake working directory.</summary>
    public FilePath? OpenApiFile { get; set; }

    /// <inheritdoc />
    public string? DeploymentDescription { get; set; }

    /// <inheritdoc />
    public IList<string> Triggers { get; set; } = [];

    /// <inheritdoc />
    public bool ForceDeploy { get; set; }

    internal CreateDeploymentRequest ToRequest(ICakeEnvironment environment) => Fill(new CreateDeploymentRequest
    {
        StageName = StageName,
        OpenApiFile = CakePaths.Absolute(OpenApiFile, environment),
        DeploymentDescription = DeploymentDescription,
        Triggers = Triggers,
        ForceDeploy = ForceDeploy,
    });
}
