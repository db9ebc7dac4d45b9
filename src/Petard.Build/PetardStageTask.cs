using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>A task that keeps a stage's settings as declared.</summary>
public abstract class PetardStageTask : PetardRestApiTask
{
    /// <summary>The stage, e.g. <c>dev</c>.</summary>
    [Required]
    public string StageName { get; set; } = "";

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
    /// the value and <c>MethodPath</c> the method (<c>*/*</c> by default, or e.g. <c>/pets/GET</c>).
    /// </summary>
    public ITaskItem[]? MethodSettings { get; set; }

    /// <summary>The stage's invoke URL.</summary>
    [Output]
    public string? InvokeUrl { get; set; }

    /// <summary>The deployment the stage serves.</summary>
    [Output]
    public string? DeploymentId { get; set; }

    /// <summary>Fills the API and stage parts of a request.</summary>
    /// <typeparam name="T">The request type.</typeparam>
    /// <param name="request">The request.</param>
    protected T WithStage<T>(T request)
        where T : StageSettingsRequest
    {
        WithRestApi(request);
        request.StageName = StageName.Trim();
        request.StageDescription = Blank(StageDescription);
        request.Variables = TaskInputs.NameValues(Variables, "stage variable", PetardErrorCodes.InvalidStageVariable);
        request.TracingEnabled = TaskInputs.Flag(TracingEnabled, nameof(TracingEnabled));
        request.CacheClusterEnabled = TaskInputs.Flag(CacheClusterEnabled, nameof(CacheClusterEnabled));
        request.CacheClusterSize = Blank(CacheClusterSize);
        request.MethodSettings = TaskInputs.MethodSettings(MethodSettings);
        return request;
    }

    /// <inheritdoc />
    protected override void SetOutputs(DeployResult result)
    {
        base.SetOutputs(result);
        DeploymentId = result.DeploymentId;
        InvokeUrl = result.InvokeUrl;
    }
}
