using System.Text.RegularExpressions;
using System.Xml.Linq;
using Petard.Build.Tests.Infrastructure;

namespace Petard.Build.Tests;

/// <summary>
/// An error's help link opens the explanation of its code: the README's section of that code, on the
/// repository named once in build/Packaging.props (never a placeholder host).
/// </summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void The_help_link_of_an_error_opens_its_README_section_on_the_repository()
    {
        var engine = new RecordingBuildEngine();
        var task = new PetardDeployApi { BuildEngine = engine, StageName = "dev", EndpointUrl = "http://127.0.0.1:9" };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        var repository = XDocument.Load(Repository.File("build", "Packaging.props")).Descendants("PetardRepositoryUrl").Single().Value;
        Assert.StartsWith("https://github.com/", repository, StringComparison.Ordinal);
        Assert.Equal($"{repository}/blob/main/README.md#petard1001", error.HelpLink);

        // GitHub's anchor of a heading "### PETARD1001" is "petard1001": the section exists, once.
        var readme = File.ReadAllText(Repository.File("README.md"));
        Assert.Single(Regex.Matches(readme, $"^### {error.Code}$", RegexOptions.Multiline));
    }

    [Fact]
    public void Every_coded_error_and_warning_of_the_targets_carries_the_help_link_of_its_code()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var files = new[] { "build", "buildTransitive", "buildMultiTargeting", "Sdk" }
            .SelectMany(folder => Directory.GetFiles(Repository.File("src", "Petard.Build", folder), "*.targets"));
        var raised = files.SelectMany(f => XDocument.Load(f).Descendants().Where(e => e.Name.LocalName is "Error" or "Warning"))
            .Where(e => e.Attribute("Code")?.Value.StartsWith("PETARD", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Contains(raised, e => e.Attribute("Code")!.Value == "PETARD1019");
        Assert.Contains(raised, e => e.Attribute("Code")!.Value == "PETARD2005");
        Assert.All(raised, e =>
        {
            var code = e.Attribute("Code")!.Value;
            Assert.Equal($"$(_PetardHelpBase)#{code.ToLowerInvariant()}", e.Attribute("HelpLink")?.Value);
            Assert.Single(Regex.Matches(readme, $"^### {code}$", RegexOptions.Multiline));
        });
    }
}
