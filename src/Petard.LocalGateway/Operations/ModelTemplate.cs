using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.Operations;

/// <summary>
/// GetModelTemplate's answer: a mapping template that copies the model's shape from the input,
/// in the form the service generates (<c>#set($inputRoot = $input.path('$'))</c>, then one line per
/// property of the schema's top-level object; arrays become a <c>#foreach</c>).
/// </summary>
internal static class ModelTemplate
{
    public static string Generate(string? schema)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(schema ?? "{}") as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        var text = new StringBuilder("#set($inputRoot = $input.path('$'))\n");
        if (root?["type"]?.ToString() == "array")
        {
            text.Append("[\n#foreach($elem in $inputRoot)\n  $elem\n#if($foreach.hasNext),#end\n#end\n]");
            return text.ToString();
        }

        var properties = (root?["properties"] as JsonObject ?? []).ToList();
        text.Append("{\n");
        for (var i = 0; i < properties.Count; i++)
        {
            var (name, property) = properties[i];
            var value = property?["type"]?.ToString() is "string" ? $"\"$inputRoot.{name}\"" : $"$inputRoot.{name}";
            text.Append($"  \"{name}\" : {value}").Append(i + 1 < properties.Count ? ",\n" : "\n");
        }

        text.Append('}');
        return text.ToString();
    }
}
