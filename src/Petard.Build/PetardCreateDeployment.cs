using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// Creates a deployment unless the stage already serves one with the same fingerprint (OpenAPI file
/// and triggers); outputs its id. The stage is not changed: PetardEnsureStage points it.
/// </summary>
public sealed class PetardCreateDeployment : PetardRestApiTask
{
    /// <summary>The stage whose deployment is compared; without it a deployment is always created.</summary>
    public string? StageName { get; set; }

    /// <summary>The deployment's description (the fingerprint is appended).</summary>
    public string? DeploymentDescription { get; set; }

    /// <summary>Items whose text is part of the fingerprint (versions, hashes).</summary>
    public ITaskItem[]? Triggers { get; set; }

    /// <summary>Create a deployment even when the fingerprint matches.</summary>
    public bool ForceDeploy { get; set; }

    /// <summary>The OpenAPI file that was imported (part of the fingerprint).</summary>
    public string? OpenApiFile { get; set; }

    /// <summary>The deployment the stage should serve (new, or the unchanged current one).</summary>
    [Output]
    public string? DeploymentId { get; set; }

    /// <inheritdoc />
    protected override Task<DeployResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.CreateDeploymentAsync(
            WithRestApi(new CreateDeploymentRequest
            {
                StageName = Blank(StageName),
                DeploymentDescription = Blank(DeploymentDescription),
                Triggers = TaskInputs.Texts(Triggers),
                ForceDeploy = ForceDeploy,
                OpenApiFile = Blank(OpenApiFile),
            }),
            cancellationToken);

    /// <inheritdoc />
    protected override void SetOutputs(DeployResult result)
    {
        base.SetOutputs(result);
        DeploymentId = result.DeploymentId;
    }

    /// <inheritdoc />
    protected override string? ErrorFile(PetardException exception) => TaskInputs.OpenApiErrorFile(exception, OpenApiFile);
}
