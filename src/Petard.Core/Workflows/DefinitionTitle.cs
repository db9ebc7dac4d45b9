using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Petard.Workflows;

/// <summary>
/// Sets <c>info.title</c> of a definition, because <c>ImportRestApi</c> names the new API after it:
/// importing with the setting's name creates the API named right in one step, so no run can leave an
/// API under the file's title that a rerun would not find.
/// </summary>
internal static class DefinitionTitle
{
    /// <summary>The definition with <c>info.title</c> set to <paramref name="title"/>; the same bytes when it already is.</summary>
    public static byte[] Set(OpenApiDefinition definition, string title)
    {
        var text = Encoding.UTF8.GetString(definition.Content).TrimStart('\uFEFF');
        return text.TrimStart().StartsWith('{') ? SetJson(text, title, definition.Content) : SetYaml(text, title, definition.Content);
    }

    private static byte[] SetJson(string text, string title, byte[] unchanged)
    {
        var root = JsonNode.Parse(text)!.AsObject(); // checked by OpenApiDefinition: an object with an info object
        var info = root["info"]!.AsObject();
        if (info["title"] is JsonValue current && current.TryGetValue<string>(out var existing) && existing == title)
        {
            return unchanged;
        }

        info["title"] = title;
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static byte[] SetYaml(string text, string title, byte[] unchanged)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text)); // checked by OpenApiDefinition: a mapping with an info mapping, no deeper than the guard allows
        var info = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("info")];
        if (info.Children.TryGetValue(new YamlScalarNode("title"), out var current) && current is YamlScalarNode { Value: var existing } && existing == title)
        {
            return unchanged;
        }

        info.Children[new YamlScalarNode("title")] = new YamlScalarNode(title) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }
}
