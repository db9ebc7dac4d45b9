using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>Fluent setters for the OpenAPI import; each returns the settings it was given, typed as they were.</summary>
public static class PetardImportSettingsExtensions
{
    /// <summary>Sets <see cref="IPetardImportSettings.OpenApiFile"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="openApiFile">The OpenAPI file, relative to the Cake working directory.</param>
    /// <returns>The same settings.</returns>
    public static T WithOpenApiFile<T>(this T settings, FilePath? openApiFile)
        where T : IPetardImportSettings
        => settings.Set(s => s.OpenApiFile = openApiFile);

    /// <summary>Sets <see cref="PetardCreateDeploymentSettings.OpenApiFile"/>, part of the deployment's fingerprint.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="openApiFile">The imported OpenAPI file, relative to the Cake working directory.</param>
    /// <returns>The same settings.</returns>
    public static PetardCreateDeploymentSettings WithOpenApiFile(this PetardCreateDeploymentSettings settings, FilePath? openApiFile)
        => settings.Set(s => s.OpenApiFile = openApiFile);

    /// <summary>Sets <see cref="IPetardImportSettings.PutMode"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="putMode"><see cref="PutMode.Overwrite"/> or <see cref="PutMode.Merge"/>.</param>
    /// <returns>The same settings.</returns>
    public static T WithPutMode<T>(this T settings, PutMode putMode)
        where T : IPetardImportSettings
        => settings.Set(s => s.PutMode = putMode);

    /// <summary>Sets <see cref="IPetardImportSettings.CreateRestApi"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="createRestApi">Whether to create the API when no API has its name.</param>
    /// <returns>The same settings.</returns>
    public static T WithCreateRestApi<T>(this T settings, bool createRestApi = true)
        where T : IPetardImportSettings
        => settings.Set(s => s.CreateRestApi = createRestApi);

    /// <summary>Sets <see cref="IPetardImportSettings.FailOnWarnings"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="failOnWarnings">Whether the service refuses a definition it has warnings about.</param>
    /// <returns>The same settings.</returns>
    public static T WithFailOnWarnings<T>(this T settings, bool failOnWarnings = true)
        where T : IPetardImportSettings
        => settings.Set(s => s.FailOnWarnings = failOnWarnings);
}
