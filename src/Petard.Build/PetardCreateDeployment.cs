using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>Creates a deployment unless the stage already serves one with the same fingerprint.</summary>
public sealed partial class PetardCreateDeployment : PetardTask, ICodeFirstParameters, IDeploymentParameters
{
    /// <summary>The stage whose deployment is compared; without it a deployment is always created.</summary>
    public string? StageName { get; set; }

    /// <summary>The deployment's description (the fingerprint is appended).</summary>
    public string? DeploymentDescription { get; set; }

    /// <summary>Items whose text is part of the fingerprint (versions, hashes).</summary>
    public ITaskItem[]? Triggers { get; set; }

    /// <summary>Create a deployment even when the fingerprint matches.</summary>
    public bool ForceDeploy { get; set; }

    /// <summary>The OpenAPI file that was imported; its content, prepared with the same code-first parameters as the import, is part of the fingerprint.</summary>
    public string? OpenApiFile { get; set; }

    /// <summary>The deployment the stage serves or should serve.</summary>
    [Output]
    public string? DeploymentId { get; set; }

    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        var request = TaskRequests.Request(this, new CreateDeploymentRequest { StageName = TaskRequests.OrNull(StageName) });
        request.Import.OpenApiFile = TaskRequests.OrNull(OpenApiFile);
        CodeFirstRequests.Import(this, request.Import);
        TaskRequests.Deployment(this, request.Deployment);
        return deployer.CreateDeploymentAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void SetOutputs(WorkflowResult result)
    {
        base.SetOutputs(result);
        DeploymentId = result.DeploymentId;
    }
}
