using System.Globalization;
using System.Text.Json;

namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// Reads a field of an answer by a dotted path (<c>item[0].id</c>, <c>tags.team</c>). Keys of the
/// service's maps may hold dots themselves (<c>method.response.header.X-Id</c>), so the longest key
/// that exists wins.
/// </summary>
internal static class AnswerPath
{
    /// <summary>The field's text (a string as is, anything else as JSON), or <c>null</c> when absent.</summary>
    public static string? Read(JsonElement json, string path) => Read(json, path.Split('.'), 0);

    private static string? Read(JsonElement node, string[] segments, int start)
    {
        if (start == segments.Length)
        {
            return node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
        }

        for (var end = segments.Length; end > start; end--)
        {
            var key = string.Join('.', segments[start..end]);
            var index = -1;
            var bracket = key.EndsWith(']') ? key.LastIndexOf('[') : -1;
            if (bracket > 0)
            {
                index = int.Parse(key[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                key = key[..bracket];
            }

            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out var child))
            {
                continue;
            }

            if (index >= 0)
            {
                if (child.ValueKind != JsonValueKind.Array || child.GetArrayLength() <= index)
                {
                    return null;
                }

                child = child[index];
            }

            return Read(child, segments, end);
        }

        return null;
    }
}
