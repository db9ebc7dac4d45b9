using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Petard.Build;

/// <summary>
/// Finds <c>Petard*</c> properties a project sets that Petard does not read: a typo such as
/// <c>PetardOpenApi</c> would otherwise silently deploy without the file. The known names are the
/// ones Petard's own .props and .targets use, so the list is never written a second time; a
/// <c>Petard*</c> property the project itself reads with <c>$(...)</c> is the project's own.
/// </summary>
internal static partial class UnknownProperties
{
    /// <summary>Each unknown property the project file sets: its name, line, and the closest known name.</summary>
    public static IEnumerable<(string Name, int Line, string Suggestion)> In(string projectFile, string petardBuildDirectory)
    {
        var known = Known(petardBuildDirectory);
        if (known.Count == 0 || !File.Exists(projectFile))
        {
            return [];
        }

        XDocument project;
        try
        {
            project = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            return []; // MSBuild read it, so this cannot happen; never fail a deploy over a hint
        }

        // A property the project reads itself, $(PetardBuildVersion) for its package version, is its own: not a typo.
        var own = PropertyReferences().Matches(project.ToString()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return project.Descendants()
            .Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && e.Name.LocalName.StartsWith("Petard", StringComparison.Ordinal)
                && !known.Contains(e.Name.LocalName) && !own.Contains(e.Name.LocalName))
            .Select(e => (e.Name.LocalName, ((IXmlLineInfo)e).LineNumber, Closest(e.Name.LocalName, known)))
            .ToList();
    }

    /// <summary>
    /// Each unknown <c>Petard*</c> name among the build's global properties (<c>-p:</c>), with the closest
    /// known name. MSBuild reads property names without regard to case, so neither does this.
    /// </summary>
    public static IEnumerable<(string Name, string Suggestion)> InGlobal(IEnumerable<string> globalProperties, string projectFile, string petardBuildDirectory)
    {
        var known = Known(petardBuildDirectory);
        if (known.Count == 0)
        {
            return [];
        }

        // As in the project: a property the project reads itself, -p:PetardBuildVersion=... for its package version, is its own.
        var ignoringCase = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        if (File.Exists(projectFile))
        {
            ignoringCase.UnionWith(PropertyReferences().Matches(File.ReadAllText(projectFile)).Select(m => m.Groups[1].Value));
        }

        return globalProperties
            .Where(p => p.StartsWith("Petard", StringComparison.OrdinalIgnoreCase) && !ignoringCase.Contains(p))
            .Select(p => (p, Closest(p, known)))
            .ToList();
    }

    private static HashSet<string> Known(string directory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return names;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal)))
        {
            names.UnionWith(PropertyNames().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));
        }

        return names;
    }

    private static string Closest(string name, IEnumerable<string> known) =>
        known.MinBy(k => Distance(name, k)) ?? "";

    // Levenshtein distance, small strings only.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    // $(PetardX) references and <PetardX> definitions.
    [GeneratedRegex(@"(?:\$\(|<)(Petard[A-Za-z0-9_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyNames();

    // $(PetardX) references only.
    [GeneratedRegex(@"\$\((Petard[A-Za-z0-9_]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyReferences();
}
