using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Validation;

/// <summary>
/// An integration as PutIntegration builds it or UpdateIntegration leaves it, checked against the
/// shared integration rules (<see cref="ServiceRules.Integrations"/>): the URI its type needs, its
/// HTTP method, role credentials, and the connection id of a VPC link.
/// </summary>
internal static class IntegrationChecks
{
    private static IntegrationRules Rules => ServiceRules.Default.Integrations;

    public static void Check(JsonObject integration)
    {
        var type = Text(integration, "type") ?? string.Empty;
        if (Rules.Types.TryGetValue(type, out var rule))
        {
            if (rule.HttpMethodRequired && string.IsNullOrEmpty(Text(integration, "httpMethod")))
            {
                throw ServiceErrors.BadRequest("integrationHttpMethodRequired");
            }

            var uri = Text(integration, "uri");
            if (rule.Uri.FirstOrDefault(r => !r.Accepts(uri)) is { } failed)
            {
                throw ServiceErrors.BadRequest(failed.Message, ("value", uri ?? string.Empty));
            }
        }

        if (Text(integration, "credentials") is { } credentials && !Rules.Credentials.Accepts(credentials))
        {
            throw ServiceErrors.BadRequest(Rules.Credentials.Message, ("value", credentials));
        }

        if (Text(integration, "connectionType") == Rules.VpcLinkConnectionType && string.IsNullOrEmpty(Text(integration, "connectionId")))
        {
            throw ServiceErrors.BadRequest(Rules.ConnectionIdMessage, ("value", "none"));
        }
    }

    private static string? Text(JsonObject integration, string name) =>
        integration[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
