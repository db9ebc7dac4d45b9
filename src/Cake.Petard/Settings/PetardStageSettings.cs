using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The declared state of a stage. Unset (null) settings are left as the stage has them; Petard
/// patches only what differs and never deletes a stage.
/// </summary>
public abstract class PetardStageSettings : PetardRestApiSettings
{
    /// <summary>The stage, e.g. <c>dev</c>: letters, digits, <c>-</c> and <c>_</c>, at most 128 characters.</summary>
    public string? StageName { get; set; }

    /// <summary>The stage's description.</summary>
    public string? StageDescription { get; set; }

    /// <summary>
    /// The stage variables. When set, they are the stage's complete set: missing ones are added,
    /// different ones changed, others removed. When null, the stage's variables are left alone.
    /// </summary>
    public IDictionary<string, string>? Variables { get; set; }

    /// <summary>Whether X-Ray tracing is on (null: left as it is).</summary>
    public bool? TracingEnabled { get; set; }

    /// <summary>Whether the stage has a cache cluster (null: left as it is).</summary>
    public bool? CacheClusterEnabled { get; set; }

    /// <summary>The cache cluster's size in GB, e.g. <c>0.5</c>.</summary>
    public string? CacheClusterSize { get; set; }

    /// <summary>
    /// Method settings by their patch path, e.g. <c>*/*/throttling/rateLimit</c> = <c>100</c> or
    /// <c>*/*/logging/loglevel</c> = <c>INFO</c>.
    /// </summary>
    public IDictionary<string, string>? MethodSettings { get; set; }

    /// <summary>Copies the API and stage settings onto a workflow request.</summary>
    internal TRequest FillStage<TRequest>(TRequest request)
        where TRequest : StageSettingsRequest
    {
        Fill(request);
        request.StageName = StageName ?? "";
        request.StageDescription = StageDescription;
        request.Variables = Variables;
        request.TracingEnabled = TracingEnabled;
        request.CacheClusterEnabled = CacheClusterEnabled;
        request.CacheClusterSize = CacheClusterSize;
        request.MethodSettings = MethodSettings;
        return request;
    }
}
