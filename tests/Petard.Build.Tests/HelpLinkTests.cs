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
}
