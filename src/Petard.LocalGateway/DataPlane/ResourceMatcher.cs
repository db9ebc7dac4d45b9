using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>
/// Matches a request path against a deployment's resources as API Gateway does: at each level a
/// literal path part first, then a <c>{param}</c>, then a greedy <c>{proxy+}</c>; the method itself
/// before <c>ANY</c>. A branch that ends without the method gives way to the next candidate.
/// </summary>
internal static class ResourceMatcher
{
    public sealed record Route(JsonObject Resource, JsonObject Method, IReadOnlyDictionary<string, string> PathParameters);

    public static Route? Find(JsonObject resources, IReadOnlyList<string> segments, string httpMethod)
    {
        var all = resources.Select(r => (JsonObject)r.Value!).ToList();
        var children = all.ToLookup(r => r["parentId"]?.GetValue<string>() ?? string.Empty);
        var root = all.First(r => r["parentId"] is null);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        return Walk(root, 0);

        Route? Walk(JsonObject resource, int index)
        {
            if (index == segments.Count)
            {
                return MethodOf(resource) is { } method ? new Route(resource, method, new Dictionary<string, string>(parameters)) : null;
            }

            var candidates = children[resource["id"]!.GetValue<string>()]
                .Select(c => (Resource: c, Part: c["pathPart"]!.GetValue<string>()))
                .OrderBy(c => Rank(c.Part))
                .ToList();
            foreach (var (child, part) in candidates)
            {
                var found = Rank(part) switch
                {
                    0 when part == segments[index] => Walk(child, index + 1),
                    1 => WithParameter(part[1..^1], segments[index], () => Walk(child, index + 1)),
                    2 => Greedy(child, part[1..^2], index),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        Route? Greedy(JsonObject resource, string name, int index) =>
            MethodOf(resource) is { } method
                ? new Route(resource, method, new Dictionary<string, string>(parameters) { [name] = string.Join('/', segments.Skip(index)) })
                : null;

        Route? WithParameter(string name, string value, Func<Route?> next)
        {
            parameters[name] = value;
            var found = next();
            parameters.Remove(name);
            return found;
        }

        JsonObject? MethodOf(JsonObject resource) =>
            resource["resourceMethods"] is JsonObject methods
                ? methods[httpMethod] as JsonObject ?? methods["ANY"] as JsonObject
                : null;
    }

    private static int Rank(string pathPart) =>
        !pathPart.StartsWith('{') ? 0 : pathPart.EndsWith("+}", StringComparison.Ordinal) ? 2 : 1;
}
