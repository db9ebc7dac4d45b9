using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Petard.Local.OpenApi;

/// <summary>Converts between YAML text and JSON trees (plain scalars keep their YAML 1.2 core types).</summary>
internal static partial class YamlJson
{
    public static JsonNode? Parse(string yaml)
    {
        YamlDepthGuard.Check(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    public static string Write(JsonNode node) => new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(ToPlain(node));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException($"Unsupported YAML node {node.NodeType}."),
    };

    // JSON has string keys only: a complex key ("? [a, b]: x") or an alias to a mapping has no JSON form.
    private static JsonObject Mapping(YamlMappingNode map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: var name })
            {
                throw new YamlException(key.Start, key.End, $"A mapping key must be a plain string, not a {key.NodeType.ToString().ToLowerInvariant()} (line {key.Start.Line.ToString(CultureInfo.InvariantCulture)}).");
            }

            if (!json.TryAdd(name ?? string.Empty, ToJson(value)))
            {
                throw new YamlException(key.Start, key.End, $"The key '{name}' appears twice in one mapping (line {key.Start.Line.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        return json;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            // Only YAML's own number forms: .NET also reads "NaN", "Infinity" and "1e999" (as infinity),
            // which JSON cannot hold; stored, they would fail every later answer that carries them.
            _ when IsYamlNumber(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => double.IsFinite(d)
                ? d
                : throw new YamlException(scalar.Start, scalar.End, $"The number '{text}' is out of range (line {scalar.Start.Line.ToString(CultureInfo.InvariantCulture)})."),
            ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" =>
                throw new YamlException(scalar.Start, scalar.End, $"'{text}' is not a number JSON can hold (line {scalar.Start.Line.ToString(CultureInfo.InvariantCulture)}); quote it to keep it as text."),
            _ => text,
        };
    }

    private static bool IsYamlNumber(string text) => NumberPattern().IsMatch(text);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value when value.TryGetValue(out string? s) => s,
        JsonValue value when value.TryGetValue(out bool b) => b,
        JsonValue value when value.TryGetValue(out long l) => l,
        JsonValue value when value.TryGetValue(out double d) => d,
        _ => node.ToJsonString(),
    };
}
