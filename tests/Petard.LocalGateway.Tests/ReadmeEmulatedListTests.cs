using System.Text.RegularExpressions;
using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Tests;

/// <summary>The README's list of what the emulator emulates is the whole operation model, grouped, each group counted right.</summary>
public sealed partial class ReadmeEmulatedListTests
{
    [Fact]
    public void The_README_groups_every_operation_of_the_model_once_and_says_GetSdk_is_not_emulated()
    {
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "../../../../../README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("What it emulates: **every operation", StringComparison.Ordinal));
        Assert.True(start >= 0, "README has no 'What it emulates' list");
        var rows = readme.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => l.StartsWith('|')).Skip(2).ToList();

        var listed = new List<string>();
        foreach (var row in rows)
        {
            var cells = row.Split('|');
            var operations = Backticked().Matches(cells[2]).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal($"({operations.Count})", GroupCount().Match(cells[1]).Value);
            listed.AddRange(operations);
        }

        Assert.Equal(OperationModel.Default.Operations.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r.Contains("`GetSdk` is the one operation not emulated", StringComparison.Ordinal));
        Assert.Equal(listed.Where(o => o != "GetSdk").Order(StringComparer.Ordinal), OperationTable.CreateDefault("us-east-1").Names.Where(o => o != "GetSdk").Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("`([A-Z][A-Za-z]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\(\d+\)")]
    private static partial Regex GroupCount();
}
