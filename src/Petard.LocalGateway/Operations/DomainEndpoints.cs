using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// The endpoints the service provisions for a custom domain name by its endpoint types: a
/// CloudFront distribution for EDGE, a regional domain name for REGIONAL (kept while the type is).
/// </summary>
internal static class DomainEndpoints
{
    /// <summary>Adds the endpoint names of the domain's types it lacks, and drops those of types it no longer has.</summary>
    public static void Describe(JsonObject domain)
    {
        var types = (domain["endpointConfiguration"]?["types"] as JsonArray ?? []).Select(t => t?.GetValue<string>()).ToList();
        Keep(domain, types.Contains("REGIONAL"), ("regionalDomainName", $"d-{IdGenerator.LongId()}.execute-api.us-east-1.amazonaws.com"), ("regionalHostedZoneId", "Z1UJRXOUMOOFQ8"));
        Keep(domain, types.Contains("EDGE"), ("distributionDomainName", $"d{IdGenerator.LongId()}.cloudfront.net"), ("distributionHostedZoneId", "Z2FDTNDATAQYW2"));
    }

    // An endpoint's names stay as first given while its type does, and go with it.
    private static void Keep(JsonObject domain, bool present, params (string Name, string Value)[] names)
    {
        foreach (var (name, value) in names)
        {
            if (!present)
            {
                domain.Remove(name);
            }
            else if (domain[name] is null)
            {
                domain[name] = value;
            }
        }
    }
}
