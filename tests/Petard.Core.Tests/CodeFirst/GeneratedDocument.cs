using System.Text.Json.Nodes;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>The documents ASP.NET Core 10.0.15 generated at build for a small minimal API (Documents/), and hand-written 3.1 ones.</summary>
internal static class GeneratedDocument
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "CodeFirst", "Documents", name);

    /// <summary>WebApp.json: GET /orders/{id}, POST /orders, GET /files/{path}, DELETE /orders/{id}/lines/{line}; an Order with a nullable note.</summary>
    public static JsonObject Orders() => JsonNode.Parse(File.ReadAllText(PathOf("WebApp.json")))!.AsObject();

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonNode At(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.TrimStart('#', '/').Split('/'))
        {
            var key = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = (node is JsonArray array ? array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : node[key]) ?? throw new Xunit.Sdk.XunitException($"nothing at {pointer} (stopped at {part}): {root.ToJsonString()}");
        }

        return node;
    }
}
