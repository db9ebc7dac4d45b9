using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>
/// Fills members with values of their official shape (read from botocore's model, not ours):
/// strings, enums, numbers, booleans, lists, maps and nested structures, as JSON (the oracle) and
/// as plain .NET values (what a caller passes).
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 4;

    public static JsonNode? ForShape(string shapeName, string hint, int depth = 0)
    {
        var shape = OfficialModel.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "string":
                return shape.TryGetProperty("enum", out var values) ? values[0].GetString() : $"{hint}-value";
            case "integer" or "long":
                return 7;
            case "double" or "float":
                return 12.5;
            case "boolean":
                return true;
            case "timestamp":
                return 1700000000;
            case "list":
                var member = shape.GetProperty("member").GetProperty("shape").GetString()!;
                return depth >= MaxDepth ? new JsonArray() : new JsonArray(ForShape(member, hint + "0", depth + 1), ForShape(member, hint + "1", depth + 1));
            case "map":
                var value = shape.GetProperty("value").GetProperty("shape").GetString()!;
                return depth >= MaxDepth ? new JsonObject() : new JsonObject { ["k1"] = ForShape(value, hint + "k1", depth + 1), ["k2"] = ForShape(value, hint + "k2", depth + 1) };
            case "structure":
                var structure = new JsonObject();
                if (depth < MaxDepth)
                {
                    foreach (var m in shape.GetProperty("members").EnumerateObject())
                    {
                        structure[m.Name] = ForShape(m.Value.GetProperty("shape").GetString()!, m.Name, depth + 1);
                    }
                }

                return structure;
            case var other:
                throw new InvalidDataException($"no sample for shape type {other} ({shapeName})");
        }
    }

    /// <summary>The same value as a caller would write it in C#: dictionaries, lists, strings, numbers.</summary>
    public static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => v.TryGetValue<int>(out var i) ? (object)i : v.GetValue<double>(),
        },
        _ => throw new InvalidDataException(node.ToJsonString()),
    };

    /// <summary>Text of a scalar as the query string or a header carries it.</summary>
    public static string WireText(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters, written here rather than borrowed from the code under test.</summary>
    public static string PercentEncode(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
