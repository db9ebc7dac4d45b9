using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.LocalGateway.State;

/// <summary>
/// The resources of one rest API, stored flat by id as the service represents them
/// (<c>id</c>, <c>parentId</c>, <c>pathPart</c>, <c>path</c>, <c>resourceMethods</c>).
/// </summary>
internal static partial class ResourceTree
{
    public static JsonObject Resources(JsonObject restApi) => GatewayState.Collection(restApi, "resources");

    public static JsonObject Get(JsonObject restApi, string resourceId) =>
        Resources(restApi)[resourceId] as JsonObject ?? throw GatewayException.NotFound("Invalid Resource identifier specified");

    public static JsonObject Root(JsonObject restApi) =>
        Resources(restApi).Select(kv => (JsonObject)kv.Value!).First(r => r["parentId"] is null);

    public static JsonObject? FindByPath(JsonObject restApi, string path) =>
        Resources(restApi).Select(kv => (JsonObject)kv.Value!).FirstOrDefault(r => r["path"]!.GetValue<string>() == path);

    /// <summary>Creates a child resource, checking the path part and its siblings like the service.</summary>
    public static JsonObject Create(JsonObject restApi, string parentId, string pathPart)
    {
        var parent = Get(restApi, parentId);
        if (!PathPartPattern().IsMatch(pathPart))
        {
            throw GatewayException.BadRequest($"Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace: '{pathPart}'.");
        }

        var siblings = Children(restApi, parentId).ToList();
        if (siblings.Any(s => s["pathPart"]!.GetValue<string>() == pathPart))
        {
            throw GatewayException.Conflict($"Another resource with the same parent already has this name: {pathPart}");
        }

        if (pathPart.StartsWith('{') && siblings.Any(s => s["pathPart"]!.GetValue<string>().StartsWith('{')))
        {
            throw GatewayException.BadRequest($"A sibling ({siblings.First(s => s["pathPart"]!.GetValue<string>().StartsWith('{'))["pathPart"]}) of this resource already has a variable path part -- only one is allowed");
        }

        var resources = Resources(restApi);
        var id = IdGenerator.Unique(IdGenerator.ShortId, resources.ContainsKey);
        var parentPath = parent["path"]!.GetValue<string>();
        var resource = new JsonObject
        {
            ["id"] = id,
            ["parentId"] = parentId,
            ["pathPart"] = pathPart,
            ["path"] = (parentPath == "/" ? string.Empty : parentPath) + "/" + pathPart,
        };
        resources[id] = resource;
        return resource;
    }

    /// <summary>Finds or creates every resource along a path such as <c>/pets/{petId}</c>.</summary>
    public static JsonObject Ensure(JsonObject restApi, string path)
    {
        var current = Root(restApi);
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var id = current["id"]!.GetValue<string>();
            current = Children(restApi, id).FirstOrDefault(c => c["pathPart"]!.GetValue<string>() == part) ?? Create(restApi, id, part);
        }

        return current;
    }

    public static IEnumerable<JsonObject> Children(JsonObject restApi, string parentId) =>
        Resources(restApi).Select(kv => (JsonObject)kv.Value!).Where(r => r["parentId"]?.GetValue<string>() == parentId);

    /// <summary>Removes a resource and everything under it.</summary>
    public static void Delete(JsonObject restApi, string resourceId)
    {
        foreach (var child in Children(restApi, resourceId).ToList())
        {
            Delete(restApi, child["id"]!.GetValue<string>());
        }

        Resources(restApi).Remove(resourceId);
    }

    /// <summary>Recomputes <c>path</c> below a resource whose path part or parent changed.</summary>
    public static void RefreshPaths(JsonObject restApi, JsonObject resource)
    {
        var parent = Get(restApi, resource["parentId"]!.GetValue<string>());
        var parentPath = parent["path"]!.GetValue<string>();
        resource["path"] = (parentPath == "/" ? string.Empty : parentPath) + "/" + resource["pathPart"]!.GetValue<string>();
        foreach (var child in Children(restApi, resource["id"]!.GetValue<string>()))
        {
            RefreshPaths(restApi, child);
        }
    }

    [GeneratedRegex(@"^([A-Za-z0-9._:-]+|\{[A-Za-z0-9._-]+\+?\})$")]
    private static partial Regex PathPartPattern();
}
