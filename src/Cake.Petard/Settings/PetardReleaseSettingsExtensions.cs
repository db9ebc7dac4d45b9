namespace Cake.Petard;

/// <summary>Fluent setters for releasing: a deploy as the stage's canary.</summary>
public static class PetardReleaseSettingsExtensions
{
    /// <summary>Sets <see cref="PetardDeployApiSettings.CanaryPercent"/>: a changed API is deployed as the stage's canary with this share.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="percent">The canary's share of the requests, 0.0 to 100.0.</param>
    /// <returns>The same settings.</returns>
    public static PetardDeployApiSettings WithCanary(this PetardDeployApiSettings settings, double percent)
        => settings.Set(s => s.CanaryPercent = percent);

    /// <summary>
    /// Declares one stage variable the canary sees instead of the stage's. Once any is declared, the
    /// declared ones are the canary's complete set of overrides.
    /// </summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">The value the canary sees.</param>
    /// <returns>The same settings.</returns>
    public static PetardDeployApiSettings WithCanaryStageVariable(this PetardDeployApiSettings settings, string name, string value)
        => settings.Set(s =>
        {
            s.CanaryStageVariables ??= new Dictionary<string, string>(StringComparer.Ordinal);
            s.CanaryStageVariables[name] = value;
        });

    /// <summary>Adds a usage plan (by id or name) the stage is attached to once it exists.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="usagePlan">The usage plan's id or name; it must exist.</param>
    /// <param name="throttle">Optional per-method throttles of the stage in the plan, e.g. <c>/pets/GET=100/200;/pets/{id}/DELETE=5/10</c>.</param>
    /// <returns>The same settings.</returns>
    public static PetardDeployApiSettings WithUsagePlan(this PetardDeployApiSettings settings, string usagePlan, string? throttle = null)
        => settings.Set(s =>
        {
            s.UsagePlans.Add(usagePlan);
            if (!string.IsNullOrWhiteSpace(throttle))
            {
                s.UsagePlanThrottles[usagePlan] = throttle;
            }
        });

    /// <summary>Maps <paramref name="basePath"/> of the existing custom domain <paramref name="domainName"/> to the stage.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="domainName">The custom domain, e.g. <c>api.example.com</c>.</param>
    /// <param name="basePath">One segment, e.g. <c>orders</c>; null or empty: the domain's root.</param>
    /// <returns>The same settings.</returns>
    public static PetardDeployApiSettings WithDomain(this PetardDeployApiSettings settings, string domainName, string? basePath = null)
        => settings.Set(s =>
        {
            s.DomainName = domainName;
            s.BasePath = basePath;
        });
}
