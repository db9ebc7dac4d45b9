using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Petard.CodeFirst;

/// <summary>
/// A definition as a JSON tree to change, and back to bytes. YAML is read into the same tree (its
/// plain scalars typed as YAML 1.2's core schema says), and a changed definition is always sent as
/// JSON, which every YAML reader reads too.
/// </summary>
internal static partial class OpenApiJson
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        // The file is read by people and sent as a body, never put into HTML: {proxy+} and ${stageVariables.x} stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The definition's tree; the content was checked by <c>OpenApiDefinition.Load</c> (an object, no deeper than the guard allows).</summary>
    /// <exception cref="InvalidDataException">The definition cannot be a JSON tree (duplicate keys, a key that is not text); the message says why.</exception>
    public static JsonObject Parse(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        try
        {
            if (text.TrimStart().StartsWith('{'))
            {
                var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
                _ = root.Count; // JsonObject reads its properties lazily: a duplicate key throws here, not later mid-change
                Check(root);
                return root;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (JsonObject)FromYaml(stream.Documents[0].RootNode)!;
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            throw new InvalidDataException($"it has a key twice in one object ({ex.Message})", ex);
        }
    }

    /// <summary>Reads every object once, so a duplicate key anywhere fails now, as bad input, not later as a bug.</summary>
    private static void Check(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (_, value) in map)
                {
                    Check(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Check(item);
                }

                break;
        }
    }

    /// <summary>The tree as indented UTF-8 JSON.</summary>
    public static byte[] Write(JsonObject root) => Encoding.UTF8.GetBytes(root.ToJsonString(Written) + "\n");

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(
            c.Key is YamlScalarNode key ? key.Value ?? "" : throw new InvalidDataException($"the key at line {c.Key.Start.Line} is a {(c.Key is YamlMappingNode ? "mapping" : "list")}, not text, which OpenAPI does not allow"),
            FromYaml(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(FromYaml).ToArray()),
        YamlScalarNode scalar => FromScalar(scalar),
        _ => null,
    };

    private static JsonNode? FromScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
