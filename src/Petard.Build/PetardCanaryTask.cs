using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>A release step on a stage's canary: the stage, and the deployment it serves afterwards.</summary>
public abstract class PetardCanaryTask : PetardTask
{
    /// <summary>The stage, e.g. <c>prod</c>. Not <c>[Required]</c>: a missing stage is the core's coded PETARD1004, not MSBuild's MSB4044.</summary>
    public string? StageName { get; set; }

    /// <summary>The deployment the stage serves afterwards.</summary>
    [Output]
    public string? DeploymentId { get; set; }

    /// <summary>Whether anything was written (in a dry run: would be).</summary>
    [Output]
    public bool Changed { get; set; }

    /// <summary>The core request with this task's API and stage.</summary>
    protected T Request<T>(T request)
        where T : CanaryStageRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        request.StageName = StageName;
        return TaskRequests.Request(this, request);
    }

    /// <inheritdoc />
    protected override void SetOutputs(WorkflowResult result)
    {
        base.SetOutputs(result);
        DeploymentId = result.DeploymentId;
        Changed = result.Changed;
    }
}
