namespace Petard.Workflows;

/// <summary>
/// The declared state of a stage. Unset (null) settings are left as the stage has them; Petard
/// patches only what differs and never deletes a stage.
/// </summary>
public sealed class StageSpec
{
    /// <summary>The stage, e.g. <c>dev</c>; the service's stage-name rule (apigateway-customizations.json) is checked before any call.</summary>
    public string? Name { get; set; }

    /// <summary>The stage's description.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The stage variables. When set, they are the stage's complete set: missing ones are added,
    /// different ones changed, others removed. When null, the stage's variables are left alone.
    /// </summary>
    public IDictionary<string, string>? Variables { get; set; }

    /// <summary>Whether X-Ray tracing is on (null: left as it is).</summary>
    public bool? TracingEnabled { get; set; }

    /// <summary>Whether the stage has a cache cluster (null: left as it is).</summary>
    public bool? CacheClusterEnabled { get; set; }

    /// <summary>The cache cluster's size in GB, one of the service's sizes, e.g. <c>0.5</c> (null: left as it is).</summary>
    public string? CacheClusterSize { get; set; }

    /// <summary>Method settings (throttling, logging, caching, metrics) to set; others are left as they are.</summary>
    public IList<MethodSetting> MethodSettings { get; } = [];

    /// <summary>The scalar settings as the service names them, for <c>CreateStage</c> and the <c>UpdateStage</c> patches.</summary>
    internal IReadOnlyList<StageField> Fields =>
    [
        StageField.Of("description", Description, "stage description"),
        StageField.Of("tracingEnabled", TracingEnabled, "tracing"),
        StageField.Of("cacheClusterEnabled", CacheClusterEnabled, "cache cluster"),
        StageField.Of("cacheClusterSize", CacheClusterSize, "cache cluster size"),
    ];

    /// <summary>The stage name, trimmed (empty when unset: validation refuses it).</summary>
    internal string GivenName => Name?.Trim() ?? "";

    /// <summary>Checks every setting against the service's rules, before any call.</summary>
    internal void Validate()
    {
        StageRules.ValidateStageName(Name);
        StageRules.ValidateVariables(Variables);
        StageRules.ValidateCacheClusterSize(CacheClusterSize);
        foreach (var setting in MethodSettings)
        {
            setting.Validate();
        }
    }
}
