using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Local.State;

namespace Petard.Local.Patching;

/// <summary>
/// The endpoint configuration of a REST API and of a custom domain name, patched as the service's
/// Patch Operations table describes: a REST API switches its one type
/// (<c>replace /endpointConfiguration/types/EDGE</c>) and, when PRIVATE, takes VPC endpoints
/// (<c>add|remove /endpointConfiguration/vpcEndpointIds</c>); a domain name migrates between EDGE
/// and REGIONAL by adding the new type, then removing the old one.
/// </summary>
internal static class EndpointConfigurationPatch
{
    /// <summary><c>replace /endpointConfiguration/types/{type}</c> on a REST API: the new type (the table checked the enum); VPC endpoints stay only on a PRIVATE API.</summary>
    public static bool ReplaceApiType(JsonObject api, PatchOperation operation)
    {
        if (operation.Value is null)
        {
            return false;
        }

        var configuration = GatewayState.Collection(api, "endpointConfiguration");
        configuration["types"] = new JsonArray(operation.Value);
        configuration["ipAddressType"] ??= "ipv4";
        if (operation.Value != "PRIVATE")
        {
            configuration.Remove("vpcEndpointIds");
        }

        return true;
    }

    /// <summary>
    /// <c>add|remove /endpointConfiguration/vpcEndpointIds</c> on a PRIVATE REST API: the value is one
    /// VPC endpoint id or several, comma-separated; adding one already there or removing one that is
    /// not changes nothing.
    /// </summary>
    public static bool ChangeVpcEndpoints(JsonObject api, PatchOperation operation)
    {
        var rule = PatchRules.Find("restApi", operation);
        var ids = (operation.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0 || ids.Any(id => rule.ValuePattern is { } pattern && !pattern.IsMatch(id)))
        {
            return false;
        }

        var configuration = GatewayState.Collection(api, "endpointConfiguration");
        var type = (configuration["types"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "EDGE";
        if (type != "PRIVATE")
        {
            throw ServiceErrors.BadRequest("vpcEndpointIdsNotPrivate", ("type", type));
        }

        var list = configuration["vpcEndpointIds"] as JsonArray ?? [];
        var kept = list.Select(n => n!.GetValue<string>()).ToList();
        kept = operation.Op == "add" ? [.. kept, .. ids.Where(id => !kept.Contains(id, StringComparer.Ordinal))] : [.. kept.Where(id => !ids.Contains(id, StringComparer.Ordinal))];
        configuration["vpcEndpointIds"] = new JsonArray(kept.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
        return true;
    }

    /// <summary>
    /// <c>add|remove /endpointConfiguration/types</c> on a domain name: the value is EDGE or REGIONAL
    /// (the table checked the enum). A public domain name never becomes PRIVATE, and keeps one type.
    /// </summary>
    public static bool ChangeDomainTypes(JsonObject domain, PatchOperation operation)
    {
        if (operation.Value is not { Length: > 0 } type)
        {
            return false;
        }

        var configuration = GatewayState.Collection(domain, "endpointConfiguration");
        var types = (configuration["types"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
        if (operation.Op == "add")
        {
            if (type == "PRIVATE" && !types.Contains("PRIVATE"))
            {
                throw ServiceErrors.BadRequest("privateDomainMigration");
            }

            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }
        else if (types.Contains(type))
        {
            types = types.Count > 1 ? [.. types.Where(t => t != type)] : throw ServiceErrors.BadRequest("lastEndpointType", ("type", type));
        }

        configuration["types"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        DomainEndpoints.Describe(domain);
        return true;
    }
}
