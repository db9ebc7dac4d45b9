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
        if (Rules.Refusal(integration) is { } refusal)
        {
            throw ServiceErrors.BadRequest(refusal.MessageKey, ("value", refusal.Value));
        }
    }
}
