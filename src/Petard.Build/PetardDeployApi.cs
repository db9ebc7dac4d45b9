using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// The whole DeployApi flow in one task, so an unchanged API costs reads only: resolve (or create)
/// the API, import and deploy it when its fingerprint changed, ensure the stage.
/// </summary>
public sealed class PetardDeployApi : PetardStageTask
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML (unset: the API is deployed as it is).</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><c>overwrite</c> (default) or <c>merge</c>.</summary>
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <summary>Create the API when no API has the name (default true).</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <summary>The deployment's description (the fingerprint is appended).</summary>
    public string? DeploymentDescription { get; set; }

    /// <summary>Items whose text is part of the fingerprint (versions, hashes).</summary>
    public ITaskItem[]? Triggers { get; set; }

    /// <summary>Import and deploy even when nothing changed.</summary>
    public bool ForceDeploy { get; set; }

    /// <summary>Whether anything was written (in a dry run: would be).</summary>
    [Output]
    public bool Changed { get; set; }

    /// <inheritdoc />
    protected override Task<DeployResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        var request = WithStage(new DeployApiRequest());
        request.OpenApiFile = Blank(OpenApiFile);
        request.PutMode = Blank(PutMode) ?? PutModes.Overwrite;
        request.CreateRestApi = CreateRestApi;
        request.FailOnWarnings = FailOnWarnings;
        request.DeploymentDescription = Blank(DeploymentDescription);
        request.Triggers = TaskInputs.Texts(Triggers);
        request.ForceDeploy = ForceDeploy;
        return deployer.DeployApiAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void SetOutputs(DeployResult result)
    {
        base.SetOutputs(result);
        Changed = result.Changed;
    }

    /// <inheritdoc />
    protected override string? ErrorFile(PetardException exception) => TaskInputs.OpenApiErrorFile(exception, OpenApiFile);
}
