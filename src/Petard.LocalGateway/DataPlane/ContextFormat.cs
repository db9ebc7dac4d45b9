using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.DataPlane;

/// <summary>Substitutes <c>$context.name</c> (and <c>$context.a.b</c>) in an access log format; a variable without a value is <c>-</c>, as the service writes it.</summary>
internal static partial class ContextFormat
{
    public static string Render(string format, JsonObject context) =>
        Variable().Replace(format, m =>
        {
            JsonNode? node = context;
            foreach (var part in m.Groups[1].Value.Split('.'))
            {
                node = node is JsonObject o ? o[part] : null;
            }

            return node switch
            {
                null => "-",
                JsonValue v when v.TryGetValue(out string? s) => s,
                _ => node.ToJsonString(),
            };
        });

    [GeneratedRegex(@"\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)")]
    private static partial Regex Variable();
}
