using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>A task that keeps a stage's settings as declared.</summary>
public abstract class PetardStageTask : PetardTask
{
    /// <summary>The stage, e.g. <c>dev</c>. Not <c>[Required]</c>: a missing stage is the core's coded PETARD1004, not MSBuild's MSB4044.</summary>
    public string? StageName { get; set; }

    /// <summary>The stage's description (unset: left as it is).</summary>
    public string? StageDescription { get; set; }

    /// <summary>Stage variables: <c>Include</c> is the name, metadata <c>Value</c> the value. When any are given they are the stage's complete set.</summary>
    public ITaskItem[]? Variables { get; set; }

    /// <summary><c>true</c> or <c>false</c> turns X-Ray tracing on or off (unset: left as it is).</summary>
    public string? TracingEnabled { get; set; }

    /// <summary><c>true</c> or <c>false</c> turns the cache cluster on or off (unset: left as it is).</summary>
    public string? CacheClusterEnabled { get; set; }

    /// <summary>The cache cluster size in GB, e.g. <c>0.5</c>.</summary>
    public string? CacheClusterSize { get; set; }

    /// <summary>
    /// Method settings: <c>Include</c> is the setting (e.g. <c>throttling/rateLimit</c>), metadata <c>Value</c>
    /// the value and <c>MethodPath</c> the methods (<c>*/*</c> by default, or e.g. <c>/pets/GET</c> or <c>~1pets/GET</c>).
    /// </summary>
    public ITaskItem[]? MethodSettings { get; set; }

    /// <summary>The stage's invoke URL.</summary>
    [Output]
    public string? InvokeUrl { get; set; }

    /// <summary>The deployment the stage serves.</summary>
    [Output]
    public string? DeploymentId { get; set; }

    /// <inheritdoc />
    protected override void SetOutputs(WorkflowResult result)
    {
        base.SetOutputs(result);
        DeploymentId = result.DeploymentId;
        InvokeUrl = result.InvokeUrl;
    }
}
