using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.DataPlane;

/// <summary>
/// Routes a request whose <c>Host</c> is a stored custom domain name through the domain's base path
/// mappings, as the service's custom domains do: <c>https://{domain}/{basePath}/{resource path}</c> serves the
/// mapped API and stage; the empty base path (<c>(none)</c>) takes every path no other mapping claims. A
/// request reaches the emulator's port with that Host header (e.g. <c>curl -H "Host: api.example.com"</c>, or
/// the name pointed at 127.0.0.1 and the port given).
/// </summary>
internal static class CustomDomainRoute
{
    private static string RootBasePath => Model.ServiceRules.Default.NoBasePath;

    /// <summary>The target on the domain named by <paramref name="host"/>, or null when no stored domain has that name.</summary>
    public static InvokeTarget? Find(GatewayState state, string host, string rawPath)
    {
        var segments = rawPath.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        lock (state.Gate)
        {
            var domain = state.DomainNames.FirstOrDefault(d => string.Equals(d.Key, host, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
            if (domain is null)
            {
                return null;
            }

            var mappings = GatewayState.Collection(domain, "basePathMappings");
            var (mapping, used) = segments.Count > 0 && mappings[segments[0]] is JsonObject named ? (named, 1)
                : mappings[RootBasePath] is JsonObject root ? (root, 0)
                : (null, 0);
            if (mapping is null)
            {
                return new InvokeTarget("", "", 0, $"Custom domain '{host}' has no base path mapping for '/{string.Join('/', segments)}'.");
            }

            var restApiId = mapping["restApiId"]?.GetValue<string>() ?? "";
            if (mapping["stage"]?.GetValue<string>() is { Length: > 0 } stage)
            {
                return new InvokeTarget(restApiId, stage, used);
            }

            // A mapping without a stage: the next segment names it, as on the service.
            return segments.Count > used
                ? new InvokeTarget(restApiId, segments[used], used + 1)
                : new InvokeTarget("", "", 0, $"The base path mapping of '{host}' names no stage and the path names none.");
        }
    }
}
