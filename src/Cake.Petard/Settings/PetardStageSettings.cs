using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The declared state of a stage. Unset (null) settings are left as the stage has them; Petard
/// patches only what differs and never deletes a stage.
/// </summary>
public abstract class PetardStageSettings : PetardRestApiSettings
{
    /// <inheritdoc cref="StageSpec.Name"/>
    public string? StageName { get => Stage.Name; set => Stage.Name = value; }

    /// <inheritdoc cref="StageSpec.Description"/>
    public string? StageDescription { get => Stage.Description; set => Stage.Description = value; }

    /// <inheritdoc cref="StageSpec.Variables"/>
    public IDictionary<string, string>? Variables { get => Stage.Variables; set => Stage.Variables = value; }

    /// <inheritdoc cref="StageSpec.TracingEnabled"/>
    public bool? TracingEnabled { get => Stage.TracingEnabled; set => Stage.TracingEnabled = value; }

    /// <inheritdoc cref="StageSpec.CacheClusterEnabled"/>
    public bool? CacheClusterEnabled { get => Stage.CacheClusterEnabled; set => Stage.CacheClusterEnabled = value; }

    /// <inheritdoc cref="StageSpec.CacheClusterSize"/>
    public string? CacheClusterSize { get => Stage.CacheClusterSize; set => Stage.CacheClusterSize = value; }

    /// <inheritdoc cref="StageSpec.MethodSettings"/>
    public IList<MethodSetting> MethodSettings => Stage.MethodSettings;

    /// <summary>The stage part of the core request these settings are.</summary>
    internal abstract StageSpec Stage { get; }
}
