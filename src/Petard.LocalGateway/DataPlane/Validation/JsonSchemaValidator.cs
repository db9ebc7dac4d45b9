using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.DataPlane.Validation;

/// <summary>
/// Checks a JSON value against a model's schema, the JSON Schema draft 4 subset that request
/// validators use in practice: type, required, properties, additionalProperties, items, enum,
/// minLength/maxLength, minItems/maxItems, minimum/maximum (with draft 4's exclusive flags),
/// pattern, and <c>$ref</c> to another model of the API. Keywords outside the subset are ignored.
/// </summary>
internal sealed class JsonSchemaValidator(Func<string, JsonObject?> model)
{
    private const int MaxDepth = 64;

    /// <summary>The first violation, worded for the log, or <c>null</c> when the value is valid.</summary>
    public string? Check(JsonNode? value, JsonObject schema) => Check(value, schema, "", 0);

    private string? Check(JsonNode? value, JsonObject schema, string at, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"{Where(at)}: the schema nests deeper than {MaxDepth} levels";
        }

        if (schema["$ref"]?.ToString() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return model(name) is { } referenced ? Check(value, referenced, at, depth + 1) : $"{Where(at)}: the model '{name}' of $ref '{reference}' does not exist";
        }

        if (schema["type"] is { } type && !OneOrMany.Items(type).Any(t => IsType(value, t?.ToString())))
        {
            return $"{Where(at)}: instance type ({Kind(value)}) does not match any allowed primitive type (allowed: {type.ToJsonString()})";
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            return $"{Where(at)}: instance value ({value?.ToJsonString() ?? "null"}) not found in enum (possible values: {allowed.ToJsonString()})";
        }

        return value switch
        {
            JsonObject obj => CheckObject(obj, schema, at, depth),
            JsonArray array => CheckArray(array, schema, at, depth),
            JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => CheckString(scalar.GetValue<string>(), schema, at),
            JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number => CheckNumber(scalar.GetValue<double>(), schema, at),
            _ => null,
        };
    }

    private string? CheckObject(JsonObject value, JsonObject schema, string at, int depth)
    {
        var missing = OneOrMany.Items(schema["required"]).Select(r => r?.ToString()).Where(r => r is not null && !value.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return $"{Where(at)}: object has missing required properties ({string.Join(",", missing.Select(m => JsonValue.Create(m)!.ToJsonString()))})";
        }

        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var (name, item) in value)
        {
            var child = $"{at}/{name}";
            if (properties[name] is JsonObject propertySchema)
            {
                if (Check(item, propertySchema, child, depth + 1) is { } error)
                {
                    return error;
                }
            }
            else if (schema["additionalProperties"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.False)
            {
                return $"{Where(at)}: object instance has properties which are not allowed by the schema: [\"{name}\"]";
            }
            else if (schema["additionalProperties"] is JsonObject additional && Check(item, additional, child, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? CheckArray(JsonArray value, JsonObject schema, string at, int depth)
    {
        if (Number(schema, "minItems") is { } min && value.Count < min)
        {
            return $"{Where(at)}: array is too short: must have at least {min} elements but instance has {value.Count} elements";
        }

        if (Number(schema, "maxItems") is { } max && value.Count > max)
        {
            return $"{Where(at)}: array is too long: must have at most {max} elements but instance has {value.Count} elements";
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < value.Count; i++)
            {
                if (Check(value[i], items, $"{at}/{i}", depth + 1) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? CheckString(string value, JsonObject schema, string at)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (Number(schema, "minLength") is { } min && length < min)
        {
            return $"{Where(at)}: string \"{value}\" is too short (length: {length}, required minimum: {min})";
        }

        if (Number(schema, "maxLength") is { } max && length > max)
        {
            return $"{Where(at)}: string \"{value}\" is too long (length: {length}, maximum allowed: {max})";
        }

        if (schema["pattern"]?.ToString() is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return $"{Where(at)}: ECMA 262 regex \"{pattern}\" does not match input string \"{value}\"";
        }

        return null;
    }

    private static string? CheckNumber(double value, JsonObject schema, string at)
    {
        var exclusiveMin = schema["exclusiveMinimum"] is JsonValue em && em.GetValueKind() == JsonValueKind.True;
        var exclusiveMax = schema["exclusiveMaximum"] is JsonValue eM && eM.GetValueKind() == JsonValueKind.True;
        if (Number(schema, "minimum") is { } min && (value < min || (exclusiveMin && value == min)))
        {
            return $"{Where(at)}: numeric instance is lower than the required minimum (minimum: {min.ToString(CultureInfo.InvariantCulture)}, found: {value.ToString(CultureInfo.InvariantCulture)})";
        }

        if (Number(schema, "maximum") is { } max && (value > max || (exclusiveMax && value == max)))
        {
            return $"{Where(at)}: numeric instance is greater than the required maximum (maximum: {max.ToString(CultureInfo.InvariantCulture)}, found: {value.ToString(CultureInfo.InvariantCulture)})";
        }

        return null;
    }

    private static bool IsType(JsonNode? value, string? type) => (type, value) switch
    {
        ("null", null) => true,
        ("object", JsonObject) => true,
        ("array", JsonArray) => true,
        ("string", JsonValue v) => v.GetValueKind() == JsonValueKind.String,
        ("boolean", JsonValue v) => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ("number", JsonValue v) => v.GetValueKind() == JsonValueKind.Number,
        ("integer", JsonValue v) => v.GetValueKind() == JsonValueKind.Number && double.IsInteger(v.GetValue<double>()),
        _ => false,
    };

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => double.IsInteger(value.GetValue<double>()) ? "integer" : "number",
            _ => "boolean",
        },
    };

    private static double? Number(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static string Where(string at) => at.Length == 0 ? "/" : at;
}
