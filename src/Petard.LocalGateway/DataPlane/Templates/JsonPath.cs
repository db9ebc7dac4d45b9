using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Templates;

/// <summary>The JSONPath subset of <c>$input.json</c> and <c>$input.path</c>: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[0]</c>, <c>[*]</c> and <c>.*</c>.</summary>
internal static class JsonPath
{
    public static JsonNode? Select(JsonNode? root, string path, int line)
    {
        if (!path.StartsWith('$'))
        {
            throw new TemplateException($"the JSONPath '{path}' does not start with '$'", line);
        }

        IEnumerable<JsonNode?> current = [root];
        var wildcard = false;
        var i = 1;
        while (i < path.Length)
        {
            string step;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                step = path[(i + 1)..(end < 0 ? path.Length : end)];
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                step = end < 0 ? throw new TemplateException($"the JSONPath '{path}' has a '[' without ']'", line) : path[(i + 1)..end].Trim('\'', '"');
                i = end + 1;
            }
            else
            {
                throw new TemplateException($"the JSONPath '{path}' is not supported (use $.a.b, $['a'], $.a[0], $.a[*])", line);
            }

            wildcard |= step == "*";
            current = current.SelectMany(node => Step(node, step)).ToList();
        }

        var results = current.ToList();
        return wildcard ? new JsonArray(results.Select(r => r?.DeepClone()).ToArray()) : results.FirstOrDefault();
    }

    private static IEnumerable<JsonNode?> Step(JsonNode? node, string step) => (node, step) switch
    {
        (JsonArray array, "*") => array,
        (JsonObject obj, "*") => obj.Select(e => e.Value),
        (JsonArray array, _) when int.TryParse(step, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < array.Count => [array[index]],
        (JsonObject obj, _) when obj.TryGetPropertyValue(step, out var value) => [value],
        _ => [],
    };
}
