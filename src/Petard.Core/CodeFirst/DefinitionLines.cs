using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Petard.Model;

namespace Petard.CodeFirst;

/// <summary>
/// The line of a definition a JSON pointer names (<c>#/paths/~1points/get</c>), so a warning about it opens
/// there. JSON is read as YAML (YAML is a superset), so one walk serves both.
/// </summary>
internal static class DefinitionLines
{
    /// <summary>The 1-based line of what <paramref name="pointer"/> names; 0 when it cannot be found (the warning then names the file alone).</summary>
    public static int Of(byte[] content, string pointer)
    {
        YamlNode node;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Encoding.UTF8.GetString(content)));
            node = stream.Documents[0].RootNode;
        }
        catch (YamlException)
        {
            return 0;
        }

        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = JsonPointer.Unescape(part);
            YamlNode? next = node switch
            {
                YamlMappingNode mapping => mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value,
                YamlSequenceNode sequence when int.TryParse(key, out var i) && i >= 0 && i < sequence.Children.Count => sequence.Children[i],
                _ => null,
            };
            if (next is null)
            {
                break; // the nearest enclosing node is still the right place to look
            }

            node = next;
        }

        return (int)node.Start.Line;
    }
}
