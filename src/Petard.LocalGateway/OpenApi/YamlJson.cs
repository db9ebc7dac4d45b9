using System.Globalization;
using System.Text.Json.Nodes;
using Petard.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Petard.Local.OpenApi;

/// <summary>Converts between YAML text and JSON trees (plain scalars keep their YAML 1.2 core types).</summary>
internal static class YamlJson
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
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException($"Unsupported YAML node {node.NodeType}."),
    };

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
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => text,
        };
    }

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
