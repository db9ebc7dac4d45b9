using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Execution;

/// <summary>
/// Reads the caller's parameters — an anonymous object, a dictionary, a <see cref="JsonElement"/>
/// or a <see cref="JsonNode"/> — into their top-level members, without converting the values.
/// Only an object of the caller's own type needs <c>reflection</c>: without it (the
/// trimming-safe overloads) such an object is refused with a coded error.
/// </summary>
internal static class ParameterReader
{
    public static IReadOnlyList<KeyValuePair<string, object?>> Read(object? parameters, string operation, ParameterReflection? reflection)
    {
        switch (parameters)
        {
            case null:
                return [];
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList();
            case JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return [];
            case JsonElement element:
                throw PetardErrors.ParametersNotAnObject(operation, element.ValueKind);
            case JsonObject node:
                return node.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList();
            case JsonNode node:
                throw PetardErrors.ParametersNotAnObject(operation, node.GetValueKind());
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return pairs.ToList();
            case IEnumerable<KeyValuePair<string, string>> strings:
                return strings.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList();
            case IDictionary dictionary:
                return dictionary.Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture)!, e.Value))
                    .ToList();
            case string or IEnumerable:
                throw PetardErrors.ParametersWithoutNames(operation, parameters.GetType());
            default:
                return reflection?.Properties(parameters) ?? throw PetardErrors.ParametersNeedReflection(operation, parameters.GetType());
        }
    }
}
