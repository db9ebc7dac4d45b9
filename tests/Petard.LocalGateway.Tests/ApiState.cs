using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// Everything the control plane answers about a rest API — the API, its resources and methods with
/// integrations, authorizers, request validators, models, gateway responses — with ids and
/// creation times removed and references by id turned into names, so two APIs built from the same
/// definition compare equal.
/// </summary>
internal static class ApiState
{
    // Members that differ between two imports of one definition by construction.
    private static readonly HashSet<string> Unstable = new(StringComparer.Ordinal)
    {
        "id", "name", "createdDate", "rootResourceId", "parentId",

        // The export carries the first API's resource id as cacheNamespace (so does the service's), the second import keeps it.
        "cacheNamespace",
    };

    public static async Task<JsonObject> ReadAsync(PetardClient client, string restApiId)
    {
        var authorizers = await ItemsAsync(client, "GetAuthorizers", restApiId);
        var validators = await ItemsAsync(client, "GetRequestValidators", restApiId);
        var names = authorizers.Concat(validators).ToDictionary(a => a["id"]!.GetValue<string>(), a => a["name"]!.GetValue<string>(), StringComparer.Ordinal);
        var resources = (await client.InvokeAsync("GetResources", new { restApiId, embed = new[] { "methods" } })).Items
            .Select(r => Node(r))
            .OrderBy(r => r["path"]!.GetValue<string>(), StringComparer.Ordinal);
        return new JsonObject
        {
            ["api"] = Stable(Node(await client.InvokeAsync("GetRestApi", new { restApiId })), names),
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)Stable(r, names)).ToArray()),
            ["authorizers"] = Named(authorizers, names),
            ["validators"] = Named(validators, names),
            ["models"] = Named(await ItemsAsync(client, "GetModels", restApiId), names),
            ["gatewayResponses"] = new JsonArray((await ItemsAsync(client, "GetGatewayResponses", restApiId))
                .OrderBy(r => r["responseType"]!.GetValue<string>(), StringComparer.Ordinal)
                .Select(r => (JsonNode?)Stable(r, names)).ToArray()),
        };
    }

    private static async Task<List<JsonObject>> ItemsAsync(PetardClient client, string operation, string restApiId)
    {
        var items = new List<JsonObject>();
        await foreach (var item in client.PaginateAsync(operation, new { restApiId }))
        {
            items.Add(Node(item));
        }

        return items;
    }

    private static JsonObject Node(Resource resource) => JsonNode.Parse(resource.Json.GetRawText())!.AsObject();

    // Items keyed by name, so their order and ids do not matter.
    private static JsonObject Named(IEnumerable<JsonObject> items, Dictionary<string, string> names) =>
        new(items.OrderBy(i => i["name"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(i => KeyValuePair.Create(i["name"]!.GetValue<string>(), (JsonNode?)Stable(i, names))));

    private static JsonNode? Stable(JsonNode? node, Dictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is "authorizerId" or "requestValidatorId" && value?.GetValue<string>() is { } id)
                    {
                        copy[key] = names.GetValueOrDefault(id, "unknown " + id);
                    }
                    else if (!Unstable.Contains(key))
                    {
                        copy[key] = Stable(value, names);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(v => Stable(v, names)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
