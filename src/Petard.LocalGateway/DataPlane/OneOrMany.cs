using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>Reads a member that may be one value or a list of them (a policy's <c>Action</c>, a schema's <c>type</c>).</summary>
internal static class OneOrMany
{
    public static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        null => Array.Empty<JsonNode?>(),
        _ => new[] { node },
    };
}
