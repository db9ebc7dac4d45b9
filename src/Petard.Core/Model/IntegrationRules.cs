using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Model;

/// <summary>
/// What an integration needs by its type (the <c>integrations</c> table of the customizations):
/// the URI's rules, whether the integration's HTTP method is required, what credentials look like,
/// and which connection type needs a connection id.
/// </summary>
internal sealed class IntegrationRules
{
    private IntegrationRules(IReadOnlyDictionary<string, IntegrationTypeRule> types, PatternRule credentials, string vpcLinkConnectionType, string connectionIdMessage)
    {
        Types = types;
        Credentials = credentials;
        VpcLinkConnectionType = vpcLinkConnectionType;
        ConnectionIdMessage = connectionIdMessage;
    }

    /// <summary>The rules of each integration type (the model's <c>IntegrationType</c> values).</summary>
    public IReadOnlyDictionary<string, IntegrationTypeRule> Types { get; }

    /// <summary>What an integration's <c>credentials</c> must be.</summary>
    public PatternRule Credentials { get; }

    /// <summary>The connection type that needs a <c>connectionId</c>.</summary>
    public string VpcLinkConnectionType { get; }

    /// <summary>The message key that refuses a VPC link connection without an id.</summary>
    public string ConnectionIdMessage { get; }

    /// <summary>
    /// Why the service refuses <paramref name="integration"/> (as PutIntegration builds it, wire names,
    /// the type in capitals): the key of its message and the value the message names; null when it is accepted.
    /// </summary>
    public (string MessageKey, string Value)? Refusal(JsonObject integration)
    {
        var type = Text(integration, "type") ?? string.Empty;
        if (Types.TryGetValue(type, out var rule))
        {
            if (rule.HttpMethodRequired && string.IsNullOrEmpty(Text(integration, "httpMethod")))
            {
                return ("integrationHttpMethodRequired", string.Empty);
            }

            var uri = Text(integration, "uri");
            if (rule.Uri.FirstOrDefault(r => !r.Accepts(uri)) is { } failed)
            {
                return (failed.Message, uri ?? string.Empty);
            }
        }

        if (Text(integration, "credentials") is { } credentials && !Credentials.Accepts(credentials))
        {
            return (Credentials.Message, credentials);
        }

        if (Text(integration, "connectionType") == VpcLinkConnectionType && string.IsNullOrEmpty(Text(integration, "connectionId")))
        {
            return (ConnectionIdMessage, "none");
        }

        return null;
    }

    internal static IntegrationRules Parse(JsonElement table)
    {
        var types = table.GetProperty("types").EnumerateObject().ToDictionary(
            t => t.Name,
            t => new IntegrationTypeRule(
                t.Value.GetProperty("httpMethodRequired").GetBoolean(),
                t.Value.GetProperty("uri").EnumerateArray().Select(Rule).ToList().AsReadOnly()),
            StringComparer.Ordinal);
        var vpcLink = table.GetProperty("vpcLink");
        return new IntegrationRules(
            new ReadOnlyDictionary<string, IntegrationTypeRule>(types),
            Rule(table.GetProperty("credentials")),
            vpcLink.GetProperty("connectionType").GetString()!,
            vpcLink.GetProperty("message").GetString()!);
    }

    private static string? Text(JsonObject integration, string name) =>
        integration[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static PatternRule Rule(JsonElement rule) =>
        new(ServiceRules.Pattern(rule.GetProperty("pattern").GetString()!), rule.GetProperty("message").GetString()!);
}

/// <summary>What one integration type needs.</summary>
/// <param name="HttpMethodRequired">Whether the integration's HTTP method must be given.</param>
/// <param name="Uri">The URI's rules, in order; none when the type takes no URI (MOCK).</param>
internal sealed record IntegrationTypeRule(bool HttpMethodRequired, IReadOnlyList<PatternRule> Uri);
