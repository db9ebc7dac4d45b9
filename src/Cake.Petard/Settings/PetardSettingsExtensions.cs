using Amazon.Runtime;

namespace Cake.Petard;

/// <summary>
/// Fluent setters for the settings every alias shares. Each returns the settings it was given, typed
/// as they were, so a chain can go on with the setters of the specific settings class.
/// </summary>
public static class PetardSettingsExtensions
{
    /// <summary>Sets <see cref="PetardSettings.Region"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="region">The AWS region, e.g. <c>eu-west-1</c>.</param>
    /// <returns>The same settings.</returns>
    public static T WithRegion<T>(this T settings, string? region)
        where T : PetardSettings
        => settings.Set(s => s.Region = region);

    /// <summary>Sets <see cref="PetardSettings.Profile"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="profile">A profile of the shared config/credentials files.</param>
    /// <returns>The same settings.</returns>
    public static T WithProfile<T>(this T settings, string? profile)
        where T : PetardSettings
        => settings.Set(s => s.Profile = profile);

    /// <summary>Sets <see cref="PetardSettings.EndpointUrl"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="endpointUrl">The API Gateway endpoint, e.g. a local emulator's URL.</param>
    /// <returns>The same settings.</returns>
    public static T WithEndpointUrl<T>(this T settings, string? endpointUrl)
        where T : PetardSettings
        => settings.Set(s => s.EndpointUrl = endpointUrl);

    /// <summary>Sets <see cref="PetardSettings.Credentials"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="credentials">Explicit credentials, e.g. <c>new BasicAWSCredentials(key, secret)</c>.</param>
    /// <returns>The same settings.</returns>
    public static T WithCredentials<T>(this T settings, AWSCredentials? credentials)
        where T : PetardSettings
        => settings.Set(s => s.Credentials = credentials);

    /// <summary>Sets <see cref="PetardRestApiSettings.RestApiId"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="restApiId">The REST API's id.</param>
    /// <returns>The same settings.</returns>
    public static T WithRestApiId<T>(this T settings, string? restApiId)
        where T : PetardRestApiSettings
        => settings.Set(s => s.RestApiId = restApiId);

    /// <summary>Sets <see cref="PetardRestApiSettings.RestApiName"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="restApiName">The REST API's name.</param>
    /// <returns>The same settings.</returns>
    public static T WithRestApiName<T>(this T settings, string? restApiName)
        where T : PetardRestApiSettings
        => settings.Set(s => s.RestApiName = restApiName);

    /// <summary>Sets <see cref="PetardRestApiSettings.DryRun"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="dryRun">Whether to read only and report the plan.</param>
    /// <returns>The same settings.</returns>
    public static T WithDryRun<T>(this T settings, bool dryRun = true)
        where T : PetardRestApiSettings
        => settings.Set(s => s.DryRun = dryRun);
}
