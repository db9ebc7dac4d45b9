namespace Cake.Petard;

/// <summary>Fluent setters for the deployment; each returns the settings it was given, typed as they were.</summary>
public static class PetardDeploymentSettingsExtensions
{
    /// <summary>Sets <see cref="IPetardDeploymentSettings.DeploymentDescription"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="description">The deployment's description; Petard appends its fingerprint.</param>
    /// <returns>The same settings.</returns>
    public static T WithDeploymentDescription<T>(this T settings, string? description)
        where T : IPetardDeploymentSettings
        => settings.Set(s => s.DeploymentDescription = description);

    /// <summary>Adds a trigger: anything whose change should cause a new deployment (a version, a hash).</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="trigger">The trigger's value.</param>
    /// <returns>The same settings.</returns>
    public static T WithTrigger<T>(this T settings, string trigger)
        where T : IPetardDeploymentSettings
        => settings.Set(s => s.Triggers.Add(trigger));

    /// <summary>Sets <see cref="IPetardDeploymentSettings.ForceDeploy"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="forceDeploy">Whether to deploy even when nothing changed.</param>
    /// <returns>The same settings.</returns>
    public static T WithForceDeploy<T>(this T settings, bool forceDeploy = true)
        where T : IPetardDeploymentSettings
        => settings.Set(s => s.ForceDeploy = forceDeploy);
}
