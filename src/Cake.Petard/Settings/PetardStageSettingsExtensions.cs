using Petard.Workflows;

namespace Cake.Petard;

/// <summary>Fluent setters for the declared state of a stage; each returns the settings it was given, typed as they were.</summary>
public static class PetardStageSettingsExtensions
{
    /// <summary>Sets <see cref="PetardStageSettings.StageName"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="stageName">The stage, e.g. <c>dev</c>.</param>
    /// <returns>The same settings.</returns>
    public static T WithStageName<T>(this T settings, string? stageName)
        where T : PetardStageSettings
        => settings.Set(s => s.StageName = stageName);

    /// <summary>Sets <see cref="PetardCreateDeploymentSettings.StageName"/>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="stageName">The stage whose current deployment is compared.</param>
    /// <returns>The same settings.</returns>
    public static PetardCreateDeploymentSettings WithStageName(this PetardCreateDeploymentSettings settings, string? stageName)
        => settings.Set(s => s.StageName = stageName);

    /// <summary>Sets <see cref="PetardStageSettings.StageDescription"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="description">The stage's description.</param>
    /// <returns>The same settings.</returns>
    public static T WithStageDescription<T>(this T settings, string? description)
        where T : PetardStageSettings
        => settings.Set(s => s.StageDescription = description);

    /// <summary>
    /// Declares one stage variable. Once any variable is declared, the declared ones are the stage's
    /// complete set: variables the stage has beyond them are removed.
    /// </summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable's name: letters, digits and <c>_</c>.</param>
    /// <param name="value">The variable's value.</param>
    /// <returns>The same settings.</returns>
    public static T WithStageVariable<T>(this T settings, string name, string value)
        where T : PetardStageSettings
        => settings.Set(s =>
        {
            s.Variables ??= new Dictionary<string, string>(StringComparer.Ordinal);
            s.Variables[name] = value;
        });

    /// <summary>Sets <see cref="PetardStageSettings.TracingEnabled"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="enabled">Whether X-Ray tracing is on.</param>
    /// <returns>The same settings.</returns>
    public static T WithTracing<T>(this T settings, bool enabled = true)
        where T : PetardStageSettings
        => settings.Set(s => s.TracingEnabled = enabled);

    /// <summary>Sets <see cref="PetardStageSettings.CacheClusterEnabled"/> and <see cref="PetardStageSettings.CacheClusterSize"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="enabled">Whether the stage has a cache cluster.</param>
    /// <param name="size">The cluster's size in GB, e.g. <c>0.5</c>; null leaves it as it is.</param>
    /// <returns>The same settings.</returns>
    public static T WithCacheCluster<T>(this T settings, bool enabled = true, string? size = null)
        where T : PetardStageSettings
        => settings.Set(s =>
        {
            s.CacheClusterEnabled = enabled;
            s.CacheClusterSize = size;
        });

    /// <summary>
    /// Declares one method setting by its whole path: the methods, then the setting, e.g.
    /// <c>*/*/throttling/rateLimit</c>, <c>/pets/GET/logging/loglevel</c> or <c>~1pets/GET/logging/loglevel</c>.
    /// </summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="path">The methods (<c>*/*</c>, <c>/pets/GET</c> or the service's <c>~1pets/GET</c>) and the setting.</param>
    /// <param name="value">The setting's value, e.g. <c>INFO</c>.</param>
    /// <returns>The same settings.</returns>
    public static T WithMethodSetting<T>(this T settings, string path, string value)
        where T : PetardStageSettings
        => settings.Set(s => s.MethodSettings.Add(MethodSetting.FromPath(path, value)));

    /// <summary>Declares one method setting for some methods, e.g. <c>("/pets/GET", "throttling/rateLimit", "100")</c>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="method">The methods: <c>*/*</c>, <c>/pets/GET</c> or the service's <c>~1pets/GET</c>.</param>
    /// <param name="setting">The setting, e.g. <c>throttling/rateLimit</c>.</param>
    /// <param name="value">The setting's value.</param>
    /// <returns>The same settings.</returns>
    public static T WithMethodSetting<T>(this T settings, string method, string setting, string value)
        where T : PetardStageSettings
        => settings.Set(s => s.MethodSettings.Add(new MethodSetting(method, setting, value)));

    /// <summary>Sets <see cref="PetardEnsureStageSettings.DeploymentId"/>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="deploymentId">The deployment the stage serves.</param>
    /// <returns>The same settings.</returns>
    public static PetardEnsureStageSettings WithDeploymentId(this PetardEnsureStageSettings settings, string? deploymentId)
        => settings.Set(s => s.DeploymentId = deploymentId);
}
