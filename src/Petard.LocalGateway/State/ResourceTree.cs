using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.State;

/// <summary>
/// The resources of one rest API, stored flat by id as the service represents them
/// (<c>id</c>, <c>parentId</c>, <c>pathPart</c>, <c>path</c>, <c>resourceMethods</c>).
/// </summary>
internal static partial class ResourceTree
{
    /// <summary>
    /// Resources per API. The service's default quota is 300 (raisable); the emulator allows more,
    /// but not without bound, so a pathological definition cannot stall it.
    /// </summary>
    public const int MaxResources = 1000;

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
        if (resources.Count >= MaxResources)
        {
            throw GatewayException.BadRequest($"The REST API already has {MaxResources} resources, the most Petard.LocalGateway keeps per API (the service's default quota is 300).");
        }

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

    /// <summary>Whether <paramref name="resourceId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public static bool IsUnder(JsonObject restApi, string resourceId, string ancestorId)
    {
        for (var current = Resources(restApi)[resourceId] as JsonObject; current is not null; current = current["parentId"] is { } parent ? Resources(restApi)[parent.GetValue<string>()] as JsonObject : null)
        {
            if (current["id"]!.GetValue<string>() == ancestorId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes a resource and everything under it.</summary>
    public static void Delete(JsonObject restApi, string resourceId)
    {
        var resources = Resources(restApi);
        foreach (var id in SelfAndDescendants(restApi, resourceId).Select(r => r["id"]!.GetValue<string>()).ToList())
        {
            resources.Remove(id);
        }
    }

    /// <summary>Recomputes <c>path</c> below a resource whose path part or parent changed.</summary>
    public static void RefreshPaths(JsonObject restApi, JsonObject resource)
    {
        // Breadth first, so each parent's path is fresh before its children read it.
        foreach (var current in SelfAndDescendants(restApi, resource["id"]!.GetValue<string>()))
        {
            var parentPath = Get(restApi, current["parentId"]!.GetValue<string>())["path"]!.GetValue<string>();
            current["path"] = (parentPath == "/" ? string.Empty : parentPath) + "/" + current["pathPart"]!.GetValue<string>();
        }
    }

    // Iterative on purpose: an imported definition can nest paths deeper than the stack allows.
    private static IEnumerable<JsonObject> SelfAndDescendants(JsonObject restApi, string resourceId)
    {
        var queue = new Queue<JsonObject>([Get(restApi, resourceId)]);
        while (queue.TryDequeue(out var current))
        {
            yield return current;
            foreach (var child in Children(restApi, current["id"]!.GetValue<string>()))
            {
                queue.Enqueue(child);
            }
        }
    }

    [GeneratedRegex(@"^([A-Za-z0-9._:-]+|\{[A-Za-z0-9._-]+\+?\})$")]
    private static partial Regex PathPartPattern();
}
