using System.Text.Json;
using Petard.Core.Tests.Infrastructure;

namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// Compares an answer with the output shape of the official model: every field the emulator sends
/// is a member of its structure, of the JSON kind the member's type has on the wire (timestamps are
/// epoch seconds), down through lists and maps.
/// </summary>
internal static class OfficialShape
{
    /// <summary>
    /// Members the service added after the model Debian ships (botocore 1.29): the service answers
    /// them today, so the emulator does too.
    /// </summary>
    private static readonly HashSet<string> NewerThanTheModel = new(StringComparer.Ordinal)
    {
        "RestApi.rootResourceId",
        "EndpointConfiguration.ipAddressType",
    };

    /// <summary>The fields of <paramref name="answer"/> that the official output of <paramref name="operation"/> does not have, or has of another kind.</summary>
    public static IReadOnlyList<string> Differences(string operation, JsonElement answer)
    {
        var differences = new List<string>();
        if (OfficialModel.Operation(operation).TryGetProperty("output", out var output))
        {
            Compare(output.GetProperty("shape").GetString()!, answer, "$", differences);
        }
        else if (answer.EnumerateObject().Any())
        {
            differences.Add("$: the official operation answers no body");
        }

        return differences;
    }

    private static void Compare(string shapeName, JsonElement value, string path, List<string> differences)
    {
        var shape = OfficialModel.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        var expected = type switch
        {
            "structure" or "map" => JsonValueKind.Object,
            "list" => JsonValueKind.Array,
            "string" => JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.ValueKind : JsonValueKind.True,
            _ => JsonValueKind.Number, // integer, long, double, timestamp
        };
        if (value.ValueKind != expected)
        {
            differences.Add($"{path}: {value.ValueKind}, the official type is {type} ({shapeName})");
            return;
        }

        switch (type)
        {
            case "structure":
                // Body members by their wire name (a collection's "items" travels as "item").
                var members = shape.GetProperty("members").EnumerateObject()
                    .Where(m => !m.Value.TryGetProperty("location", out _))
                    .ToDictionary(m => m.Value.TryGetProperty("locationName", out var wire) ? wire.GetString()! : m.Name, m => m.Value.GetProperty("shape").GetString()!, StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetValue(property.Name, out var member))
                    {
                        Compare(member, property.Value, $"{path}.{property.Name}", differences);
                    }
                    else if (!NewerThanTheModel.Contains($"{shapeName}.{property.Name}"))
                    {
                        differences.Add($"{path}.{property.Name}: not a body member of {shapeName}");
                    }
                }

                break;
            case "list":
                var itemShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Compare(itemShape, item, $"{path}[{index++}]", differences);
                }

                break;
            case "map":
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var property in value.EnumerateObject())
                {
                    Compare(valueShape, property.Value, $"{path}.{property.Name}", differences);
                }

                break;
        }
    }
}
