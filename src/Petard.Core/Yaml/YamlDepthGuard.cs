using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Petard.Yaml;

/// <summary>
/// Refuses YAML nested deeper than <see cref="MaxDepth"/> before a loader sees it: YamlDotNet's
/// representation model recurses once per level, so a deep enough document would overflow the
/// stack and end the process (a build, or the emulator) instead of failing one request.
/// </summary>
internal static class YamlDepthGuard
{
    /// <summary>The deepest nesting accepted, the same as System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    /// <exception cref="YamlException">The text nests deeper than <see cref="MaxDepth"/> (or is not YAML); its position is the offending node's.</exception>
    public static void Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"it nests deeper than {MaxDepth} levels");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                default:
                    break;
            }
        }
    }
}
