using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// The whole DeployApi flow in one task, so an unchanged API costs reads only: resolve (or create)
/// the API, import and deploy it when its fingerprint changed, ensure the stage.
/// </summary>
public sealed partial class PetardDeployApi : PetardStageTask, IImportParameters, ICodeFirstParameters, IDeploymentParameters, IReleaseParameters
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML (unset: the API is deployed as it is).</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><c>overwrite</c> (default) or <c>merge</c>.</summary>
    public string? PutMode { get; set; }

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

    /// <inheritdoc />
    public string? CanaryPercent { get; set; }

    /// <inheritdoc />
    public ITaskItem[]? CanaryStageVariables { get; set; }

    /// <inheritdoc />
    public ITaskItem[]? UsagePlans { get; set; }

    /// <inheritdoc />
    public string? DomainName { get; set; }

    /// <inheritdoc />
    public string? BasePath { get; set; }

    /// <summary>Plan instead of deploy: read only, report the changes and the drift (the PetardPlan target).</summary>
    public bool Plan { get; set; }

    /// <summary>With <see cref="Plan"/>: drift fails the build (PETARD1043) instead of being reported.</summary>
    public bool FailOnDrift { get; set; }

    /// <summary>The folder of Petard's .props and .targets (<c>$(MSBuildThisFileDirectory)</c>): the properties they use are the known ones.</summary>
    public string? PetardBuildDirectory { get; set; }

    /// <summary>Whether anything was written (in a dry run: would be).</summary>
    [Output]
    public bool Changed { get; set; }

    /// <summary>What changed, in one line ("created deployment abc123; created stage dev"), or "up to date".</summary>
    [Output]
    public string? Summary { get; set; }

    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        WarnUnknownProperties();
        var request = TaskRequests.Request(this, new DeployApiRequest());
        TaskRequests.Stage(this, request.Stage);
        TaskRequests.Import(this, request.Import);
        CodeFirstRequests.Import(this, request.Import);
        CodeFirstRequests.RequireSource(this, request.Import);
        TaskRequests.Deployment(this, request.Deployment);
        ReleaseRequests.Canary(this, request.Canary);
        ReleaseRequests.Exposure(this, request.Exposure);
        return Plan
            ? deployer.PlanAsync(new PlanRequest(request) { FailOnDrift = FailOnDrift }, cancellationToken)
            : deployer.DeployApiAsync(request, cancellationToken);
    }

    private void WarnUnknownProperties()
    {
        if (TaskRequests.OrNull(ProjectFile) is not { } project || TaskRequests.OrNull(PetardBuildDirectory) is not { } directory)
        {
            return;
        }

        foreach (var (name, line, suggestion) in UnknownProperties.In(project, directory))
        {
            Log.LogWarning(null, PetardErrorCodes.UnknownProperty, null, PetardErrorHelp.LinkFor(PetardErrorCodes.UnknownProperty), project, line, 0, 0, 0, "Petard: {0} is not a Petard property, so it has no effect. Did you mean {1}?", name, suggestion);
        }

        // -p:PetardX on the command line is a global property: no line to point at, the project names where it went.
        var globals = (BuildEngine as IBuildEngine6)?.GetGlobalProperties().Keys ?? [];
        foreach (var (name, suggestion) in UnknownProperties.InGlobal(globals, project, directory))
        {
            Log.LogWarning(null, PetardErrorCodes.UnknownProperty, null, PetardErrorHelp.LinkFor(PetardErrorCodes.UnknownProperty), project, 0, 0, 0, 0, "Petard: {0} (set with -p: on the command line) is not a Petard property, so it has no effect. Did you mean {1}?", name, suggestion);
        }
    }

    /// <inheritdoc />
    protected override void SetOutputs(WorkflowResult result)
    {
        base.SetOutputs(result);
        Changed = result.Changed;
        DeployedDocument = TaskRequests.OrNull(DeployedDocumentFile) is { } deployed && File.Exists(deployed) ? deployed : null;
        Summary = result.Summary;
    }
}
