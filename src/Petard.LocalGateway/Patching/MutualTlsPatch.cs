using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.Patching;

/// <summary>
/// A domain name's mutual TLS: <c>/mutualTlsAuthentication/truststoreUri</c> and
/// <c>/truststoreVersion</c> take add, replace and remove; a truststore URI set to nothing (the
/// service's documented way to turn mutual TLS off) or removed leaves no mutual TLS at all.
/// </summary>
internal static class MutualTlsPatch
{
    public static bool Apply(JsonObject domain, PatchOperation operation)
    {
        var property = operation.Segments[^1];
        if (operation.Op == "remove" || string.IsNullOrEmpty(operation.Value))
        {
            if (property == "truststoreUri")
            {
                domain.Remove("mutualTlsAuthentication");
            }
            else
            {
                (domain["mutualTlsAuthentication"] as JsonObject)?.Remove(property);
            }

            return true;
        }

        GatewayState.Collection(domain, "mutualTlsAuthentication")[property] = operation.Value;
        return true;
    }
}
