using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Checks a member's value against its declared type and converts it to what the wire needs:
/// JSON for the body, text for URI labels, query strings and headers, bytes for blobs.
/// </summary>
internal static class WireValues
{
    /// <summary>A body member's value as JSON; a value of the caller's own type needs <paramref name="reflection"/>.</summary>
    public static JsonNode? ToJson(object? value, MemberDefinition member, string operation, ParameterReflection? reflection)
    {
        Check(value, member, operation);
        return value switch
        {
            null => null,
            JsonNode node => node.DeepClone(),
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            DateTime or DateTimeOffset => JsonValue.Create(EpochSeconds(value)),
            // String maps and lists (stage variables, tags) need no serializer, so no reflection either.
            IEnumerable<KeyValuePair<string, string>> map => new JsonObject(map.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, JsonValue.Create(p.Value)))),
            IEnumerable<string> list => new JsonArray([.. list.Select(i => (JsonNode?)JsonValue.Create(i))]),
            _ => Primitive(value) ?? reflection?.Serialize(value) ?? throw PetardErrors.ParametersNeedReflection(operation, value.GetType()),
        };
    }

    /// <summary>
    /// A string, boolean or number as a JSON value without the serializer (null for anything else):
    /// the serializer's first use in a process resolves its reflection metadata, tens of
    /// milliseconds that a build step's few calls with plain values need not pay.
    /// </summary>
    public static JsonValue? Primitive(object value) => value switch
    {
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => null,
    };

    /// <summary>A scalar as text (URI labels, query values, headers).</summary>
    public static string ToText(object value, MemberDefinition member, string operation)
    {
        Check(value, member, operation);
        return value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            JsonElement { ValueKind: JsonValueKind.True } => "true",
            JsonElement { ValueKind: JsonValueKind.False } => "false",
            JsonElement e => e.GetRawText(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonNode n => n.ToJsonString(),
            DateTime or DateTimeOffset => EpochSeconds(value).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>The items of a list member, as text (a querystring list repeats its key).</summary>
    public static IEnumerable<string> ToTextList(object value, MemberDefinition member, string operation)
    {
        Check(value, member, operation);
        var scalar = member with { Type = MemberType.String };
        return value switch
        {
            JsonElement e => e.EnumerateArray().Select(i => ToText(i, scalar, operation)).ToList(),
            JsonArray a => a.Select(i => ToText(i!, scalar, operation)).ToList(),
            IEnumerable items => items.Cast<object>().Select(i => ToText(i, scalar, operation)).ToList(),
            _ => [],
        };
    }

    /// <summary>The entries of a map member, as text (a querystring map is flattened into keys).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToTextMap(object value, MemberDefinition member, string operation, ParameterReflection? reflection)
    {
        Check(value, member, operation);
        var scalar = member with { Type = MemberType.String };
        return ParameterReader.Read(value, operation, reflection)
            .Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string>(p.Key, ToText(p.Value!, scalar, operation)))
            .ToList();
    }

    /// <summary>A blob member's bytes: a string is UTF-8, a stream is read to its end.</summary>
    public static byte[] ToBytes(object value, MemberDefinition member, string operation)
    {
        Check(value, member, operation);
        switch (value)
        {
            case byte[] bytes:
                return bytes;
            case ReadOnlyMemory<byte> memory:
                return memory.ToArray();
            case Memory<byte> memory:
                return memory.ToArray();
            case string text:
                return Encoding.UTF8.GetBytes(text);
            case JsonElement { ValueKind: JsonValueKind.String } e:
                return Encoding.UTF8.GetBytes(e.GetString()!);
            case JsonValue v:
                return Encoding.UTF8.GetBytes(v.GetValue<string>());
            case Stream stream:
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }

            default:
                throw WrongType(value, member, operation);
        }
    }

    private static void Check(object? value, MemberDefinition member, string operation)
    {
        if (value is null || Fits(value, member.Type))
        {
            return;
        }

        throw WrongType(value, member, operation);
    }

    private static PetardException WrongType(object value, MemberDefinition member, string operation) =>
        PetardErrors.WrongMemberType(operation, member, Describe(member.Type), Describe(value));

    private static bool Fits(object value, MemberType type)
    {
        var kind = value switch
        {
            JsonElement e => e.ValueKind,
            JsonNode n => n.GetValueKind(),
            _ => JsonValueKind.Undefined,
        };

        if (kind == JsonValueKind.Null)
        {
            return true;
        }

        if (kind != JsonValueKind.Undefined)
        {
            return type switch
            {
                MemberType.String => kind == JsonValueKind.String,
                MemberType.Integer or MemberType.Long or MemberType.Double => kind == JsonValueKind.Number,
                MemberType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
                MemberType.Timestamp => kind is JsonValueKind.Number or JsonValueKind.String,
                MemberType.List => kind == JsonValueKind.Array,
                MemberType.Map or MemberType.Structure => kind == JsonValueKind.Object,
                MemberType.Blob => kind == JsonValueKind.String,
                _ => false,
            };
        }

        return type switch
        {
            MemberType.String => value is string or Enum or Guid or Uri,
            MemberType.Integer => value is int or short or byte or sbyte or ushort,
            MemberType.Long => value is long or int or short or byte or sbyte or ushort or uint,
            MemberType.Double => value is double or float or decimal or int or long,
            MemberType.Boolean => value is bool,
            MemberType.Timestamp => value is DateTime or DateTimeOffset or long or int or double,
            MemberType.List => value is IEnumerable and not string and not IDictionary,
            MemberType.Map => value is IDictionary || IsObjectLike(value),
            MemberType.Structure => IsObjectLike(value) || value is IDictionary,
            MemberType.Blob => value is byte[] or string or Stream or ReadOnlyMemory<byte> or Memory<byte>,
            _ => false,
        };
    }

    private static bool IsObjectLike(object value) =>
        value is not (string or IEnumerable or ValueType) || value is IEnumerable<KeyValuePair<string, object?>> or IEnumerable<KeyValuePair<string, string>>;

    private static string Describe(MemberType type) => type switch
    {
        MemberType.String => "a string",
        MemberType.Integer => "an integer",
        MemberType.Long => "an integer",
        MemberType.Double => "a number",
        MemberType.Boolean => "a boolean",
        MemberType.Timestamp => "a timestamp (DateTime, DateTimeOffset or epoch seconds)",
        MemberType.List => "a list",
        MemberType.Map => "a map (a dictionary or object)",
        MemberType.Structure => "an object",
        MemberType.Blob => "bytes, a string or a stream",
        _ => type.ToString(),
    };

    private static string Describe(object value) => value switch
    {
        JsonElement e => $"JSON {e.ValueKind.ToString().ToLowerInvariant()}",
        JsonNode n => $"JSON {n.GetValueKind().ToString().ToLowerInvariant()}",
        _ => value.GetType().Name,
    };

    private static double EpochSeconds(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUnixTimeMilliseconds() / 1000.0,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt).ToUnixTimeMilliseconds() / 1000.0,
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
