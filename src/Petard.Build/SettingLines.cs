using System.Xml;
using System.Xml.Linq;

namespace Petard.Build;

/// <summary>
/// Where the user's project file sets a property, so that an error about a setting opens at its line
/// (as PETARD2004 does for a misspelled one). The last definition is the one MSBuild keeps; a property
/// set elsewhere (Directory.Build.props, the command line) has no line here and the error names the file alone.
/// </summary>
internal static class SettingLines
{
    /// <summary>The 1-based line of the first of <paramref name="properties"/> the file sets; 0 when none is set there.</summary>
    public static int Of(string? projectFile, IEnumerable<string> properties)
    {
        if (projectFile is null || !File.Exists(projectFile))
        {
            return 0;
        }

        XDocument project;
        try
        {
            project = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            return 0; // MSBuild read it, so this cannot happen; never hide the error over its location
        }

        foreach (var name in properties)
        {
            var element = project.Descendants().LastOrDefault(e => e.Parent?.Name.LocalName == "PropertyGroup" && e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (element is not null)
            {
                return ((IXmlLineInfo)element).LineNumber;
            }
        }

        return 0;
    }
}
