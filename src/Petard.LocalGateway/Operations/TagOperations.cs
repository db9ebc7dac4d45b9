using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// TagResource, UntagResource and GetTags on the resources the service tags, addressed by ARN
/// (<c>arn:aws:apigateway:{region}::/restapis/{id}</c>, <c>.../stages/{name}</c>, <c>/apikeys/{id}</c>, ...).
/// The tags live in the resource's own <c>tags</c>, so Get* answers show them too.
/// </summary>
internal static class TagOperations
{
    private const string ArnPrefix = "arn:aws:apigateway:";

    public static void Register(OperationTable table)
    {
        table.Add("TagResource", (input, state) =>
        {
            Tags.Merge(Resolve(state, input.Required("resourceArn")), input.Map("tags") ?? throw OperationInput.MissingMember("tags"));
            return OperationResult.Empty;
        });
        table.Add("UntagResource", (input, state) =>
        {
            var tags = Resolve(state, input.Required("resourceArn"))["tags"] as JsonObject;
            foreach (var key in input.Node("tagKeys") as JsonArray ?? throw OperationInput.MissingMember("tagKeys"))
            {
                tags?.Remove(key?.ToString() ?? string.Empty);
            }

            return OperationResult.Empty;
        });
        table.Add("GetTags", (input, state) =>
            new JsonObject { ["tags"] = Resolve(state, input.Required("resourceArn"))["tags"]?.DeepClone() ?? new JsonObject() });
    }

    /// <summary>The stored resource an ARN names, or the error the service answers for it.</summary>
    private static JsonObject Resolve(GatewayState state, string arn)
    {
        var path = ResourcePath(arn);
        var segments = path.Split('/', StringSplitOptions.None).Skip(1).Select(Uri.UnescapeDataString).ToArray();
        return segments switch
        {
            ["restapis", var id] => RestApiOperations.Api(state, id),
            ["restapis", var id, "stages", var stage] => StageOperations.Get(state.RestApi(id), stage),
            ["apikeys", var id] => ApiKeyOperations.Get(state, id),
            ["usageplans", var id] => (JsonObject)UsagePlanOperations.Plan(state, id)["plan"]!,
            ["domainnames", var name] => (JsonObject)DomainNameOperations.Domain(state, name)["domain"]!,
            ["clientcertificates", var id] => ClientCertificateOperations.Get(state, id),
            ["vpclinks", var id] => VpcLinkOperations.Get(state, id),
            _ => throw ServiceErrors.BadRequest("invalidResourceArn", ("value", arn)),
        };
    }

    // arn:aws:apigateway:{region}::{path}: the region is any, the account empty.
    private static string ResourcePath(string arn)
    {
        if (arn.StartsWith(ArnPrefix, StringComparison.Ordinal))
        {
            var rest = arn[ArnPrefix.Length..];
            var separator = rest.IndexOf("::/", StringComparison.Ordinal);
            if (separator > 0)
            {
                return rest[(separator + 2)..];
            }
        }

        throw ServiceErrors.BadRequest("invalidResourceArn", ("value", arn));
    }
}
