using Petard.Workflows;

namespace Cake.Petard;

/// <summary>Fluent setters for the integrations a code-first deploy adds; each returns the settings it was given.</summary>
public static class PetardCodeFirstSettingsExtensions
{
    /// <summary>Sets <see cref="IPetardCodeFirstSettings.IntegrationType"/> and <see cref="IPetardCodeFirstSettings.IntegrationUri"/>: the integration of every operation without one.</summary>
    /// <typeparam name="T">The settings' type, kept through a chain.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="type"><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>.</param>
    /// <param name="uri">http_proxy: the backend's base URL (<c>${stageVariables.name}</c> allowed); aws_proxy: the Lambda function's ARN or name.</param>
    /// <returns>The same settings.</returns>
    public static T WithIntegration<T>(this T settings, string type, string? uri = null)
        where T : IPetardCodeFirstSettings
        => settings.Set(s => (s.IntegrationType, s.IntegrationUri) = (type, uri));

    /// <summary>Adds an integration for one operation to <see cref="IPetardCodeFirstSettings.Integrations"/>.</summary>
    /// <typeparam name="T">The settings' type, kept through a chain.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="operation">The operation, e.g. <c>GET /orders/{id}</c>.</param>
    /// <param name="type"><c>http_proxy</c>, <c>aws_proxy</c> or <c>mock</c>; null: the settings' type.</param>
    /// <param name="uri">The backend or function; null: the settings' URI.</param>
    /// <returns>The same settings.</returns>
    public static T WithOperationIntegration<T>(this T settings, string operation, string? type = null, string? uri = null)
        where T : IPetardCodeFirstSettings
        => settings.Set(s => s.Integrations.Add(new OperationIntegration(operation, type, uri)));
}
