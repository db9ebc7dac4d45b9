using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardCreateDeployment"/>: create a deployment unless
/// <see cref="StageName"/> already serves one with the same fingerprint. They are the core's <see cref="CreateDeploymentRequest"/>.
/// </summary>
public sealed partial class PetardCreateDeploymentSettings : PetardRestApiSettings, IPetardDeploymentSettings
{
    private readonly CreateDeploymentRequest request = new();

    /// <inheritdoc cref="CreateDeploymentRequest.StageName"/>
    public string? StageName { get => request.StageName; set => request.StageName = value; }

    /// <summary>The OpenAPI file that was imported: its content is part of the fingerprint; relative to the Cake working directory.</summary>
    public FilePath? OpenApiFile { get => CakePaths.File(request.Import.OpenApiFile); set => request.Import.OpenApiFile = value?.FullPath; }

    /// <inheritdoc />
    public string? DeploymentDescription { get => request.Deployment.Description; set => request.Deployment.Description = value; }

    /// <inheritdoc />
    public IList<string> Triggers { get => request.Deployment.Triggers; set => request.Deployment.Triggers = value; }

    /// <inheritdoc />
    public bool ForceDeploy { get => request.Deployment.Force; set => request.Deployment.Force = value; }

    /// <inheritdoc />
    internal override CreateDeploymentRequest Request => request;
}
