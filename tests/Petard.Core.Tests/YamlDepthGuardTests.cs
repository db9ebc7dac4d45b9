using Petard.Yaml;
using Xunit;
using YamlDotNet.Core;

namespace Petard.Core.Tests;

/// <summary>The one YAML depth guard, shared by the client's OpenAPI reader and the emulator's importer.</summary>
public class YamlDepthGuardTests
{
    [Fact]
    public void Nesting_up_to_the_limit_passes_and_one_level_more_is_refused_at_its_line()
    {
        YamlDepthGuard.Check(Nested(YamlDepthGuard.MaxDepth));

        var error = Assert.Throws<YamlException>(() => YamlDepthGuard.Check(Nested(YamlDepthGuard.MaxDepth + 1)));

        Assert.Contains($"deeper than {YamlDepthGuard.MaxDepth} levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(YamlDepthGuard.MaxDepth + 1, error.Start.Line);
    }

    // One mapping per line, each indented under the last: "a:\n  a:\n    a: x".
    private static string Nested(int depth) =>
        string.Join('\n', Enumerable.Range(0, depth).Select(level => new string(' ', level * 2) + (level == depth - 1 ? "a: x" : "a:")));
}
