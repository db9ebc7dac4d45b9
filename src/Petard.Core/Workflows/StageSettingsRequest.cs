namespace Petard.Workflows;

/// <summary>The settings of a stage that Petard keeps as declared. Unset (null) settings are left as they are.</summary>
public abstract class StageSettingsRequest : ResolveRestApiRequest
{
    /// <summary>The stage, e.g. <c>dev</c>: letters, digits, <c>-</c> and <c>_</c>, at most 128 characters.</summary>
    public string StageName { get; set; } = "";

    /// <summary>The stage's description.</summary>
    public string? StageDescription { get; set; }

    /// <summary>
    /// The stage variables. When set, they are the stage's complete set: missing ones are added,
    /// different ones changed, others removed. When null, the stage's variables are left alone.
    /// </summary>
    public IDictionary<string, string>? Variables { get; set; }

    /// <summary>Whether X-Ray tracing is on.</summary>
    public bool? TracingEnabled { get; set; }

    /// <summary>Whether the stage has a cache cluster.</summary>
    public bool? CacheClusterEnabled { get; set; }

    /// <summary>The cache cluster's size in GB, e.g. <c>0.5</c>.</summary>
    public string? CacheClusterSize { get; set; }

    /// <summary>
    /// Method settings by their patch path, e.g. <c>*/*/throttling/rateLimit</c> = <c>100</c> or
    /// <c>*/*/logging/loglevel</c> = <c>INFO</c> (resource path with <c>~1</c> for <c>/</c>, method, setting).
    /// </summary>
    public IDictionary<string, string>? MethodSettings { get; set; }
}
