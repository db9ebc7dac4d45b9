using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>VPC links to Network Load Balancers. Nothing is provisioned locally, so a link with well-formed target ARNs is AVAILABLE at once.</summary>
internal static partial class VpcLinkOperations
{
    private static readonly PatchRules Rules = PatchRules.For("vpcLink");

    public static void Register(OperationTable table)
    {
        table.Add("CreateVpcLink", Create);
        table.Add("GetVpcLink", (input, state) => WithTags(Get(state, input.Required("vpcLinkId"))));
        table.Add("GetVpcLinks", (input, state) => Paging.Page(state.VpcLinks.Select(kv => kv.Value!), input));
        table.Add("UpdateVpcLink", (input, state) =>
        {
            var id = input.Required("vpcLinkId");
            var updated = Rules.Apply(Get(state, id), PatchOperation.Read(input));
            state.VpcLinks[id] = updated;
            return WithTags(updated);
        });
        table.Add("DeleteVpcLink", (input, state) => Stored.Remove(state.VpcLinks, input.Required("vpcLinkId"), ServiceErrors.Message("vpcLinkNotFound")));
    }

    public static JsonObject Get(GatewayState state, string id) =>
        state.VpcLinks[id] as JsonObject ?? throw ServiceErrors.NotFound("vpcLinkNotFound");

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        if (input.String("name") is "")
        {
            throw ServiceErrors.BadRequest("emptyName");
        }

        var targets = input.Node("targetArns") as JsonArray ?? throw OperationInput.MissingMember("targetArns");
        foreach (var target in targets.Select(t => t?.ToString() ?? string.Empty))
        {
            if (!Arn().IsMatch(target))
            {
                throw ServiceErrors.BadRequest("invalidArn", ("value", target));
            }
        }

        var id = IdGenerator.Unique(IdGenerator.ShortId, state.VpcLinks.ContainsKey);
        var link = new JsonObject
        {
            ["id"] = id,
            ["name"] = input.Required("name"),
            ["targetArns"] = targets.DeepClone(),
            ["status"] = "AVAILABLE",
            ["statusMessage"] = "Your vpc link is ready for use",
        };
        Stored.Copy(input, link, "description");
        Tags.CopyOnCreate(input, link);
        state.VpcLinks[id] = link;

        // The service answers the create while the link is still being provisioned.
        var answer = link.DeepClone().AsObject();
        answer["status"] = "PENDING";
        answer.Remove("statusMessage");
        answer.Remove("tags");
        return answer;
    }

    // arn:partition:service:region:account:resource; whether it names a Network Load Balancer the service finds out later (the link FAILS).
    // A single link is read with its tags (empty when none), a list of links without.
    private static JsonObject WithTags(JsonObject link)
    {
        var answer = link.DeepClone().AsObject();
        answer["tags"] ??= new JsonObject();
        return answer;
    }

    [GeneratedRegex(@"^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:.+$", RegexOptions.CultureInvariant)]
    private static partial Regex Arn();
}
