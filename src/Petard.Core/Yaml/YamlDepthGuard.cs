using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Petard.Yaml;

/// <summary>
/// Refuses, before a loader sees it, YAML that would take a loader down: nested deeper than
/// <see cref="MaxDepth"/> (YamlDotNet's representation model recurses once per level, so a deep
/// enough document overflows the stack and ends the process), or whose aliases expand to more than
/// <see cref="MaxExpandedNodes"/> nodes (a "billion laughs" of a few hundred bytes that becomes
/// gigabytes once converted to JSON).
/// </summary>
internal static class YamlDepthGuard
{
    /// <summary>The deepest nesting accepted, the same as System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a document may have with every alias expanded; a 6 MB definition has far fewer.</summary>
    public const long MaxExpandedNodes = 2_000_000;

    /// <exception cref="YamlException">The text nests too deep or expands too far (or is not YAML); its position is the offending node's.</exception>
    public static void Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(string? Anchor, long Nodes)>(); // the collections being read, with their expanded size so far
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal); // each anchor's expanded size
        long total = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            long added = 0;
            switch (current)
            {
                case MappingStart or SequenceStart when open.Count >= MaxDepth:
                    throw new YamlException(current.Start, current.End, $"it nests deeper than {MaxDepth} levels");
                case MappingStart start:
                    open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                    break;
                case SequenceStart start:
                    open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, nodes) = open.Pop();
                    Remember(anchored, anchor, nodes);
                    added = nodes;
                    break;
                case Scalar scalar:
                    Remember(anchored, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1);
                    added = 1;
                    break;
                case AnchorAlias alias:
                    added = anchored.GetValueOrDefault(alias.Value.Value, 1);
                    break;
                default:
                    break;
            }

            if (added == 0)
            {
                continue;
            }

            if (open.Count > 0)
            {
                var (anchor, nodes) = open.Pop();
                open.Push((anchor, nodes + added));
            }
            else
            {
                total += added;
            }

            if (total + open.Sum(o => o.Nodes) > MaxExpandedNodes)
            {
                throw new YamlException(current.Start, current.End, $"its aliases expand to more than {MaxExpandedNodes:N0} nodes");
            }
        }
    }

    private static void Remember(Dictionary<string, long> anchored, string? anchor, long nodes)
    {
        if (anchor is not null)
        {
            anchored[anchor] = nodes;
        }
    }
}
