using System.IO.Compression;
using System.Xml.Linq;

namespace Cake.Petard.Tests.EndToEnd;

/// <summary>What the packed Cake.Petard holds: the addin and everything it loads, and never Cake itself.</summary>
public sealed class AddinPackageTests(AddinFeed feed) : IClassFixture<AddinFeed>
{
    [Fact]
    public void The_package_bundles_the_addins_dependencies_in_its_lib_folder_and_not_Cake_Core()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.FullName).ToList();

        Assert.All(lib, path => Assert.StartsWith("lib/net10.0/", path, StringComparison.Ordinal));
        Assert.Subset(lib.ToHashSet(), new HashSet<string> { "lib/net10.0/Cake.Petard.dll", "lib/net10.0/Cake.Petard.xml", "lib/net10.0/Petard.Core.dll", "lib/net10.0/AWSSDK.Core.dll", "lib/net10.0/YamlDotNet.dll" });
        Assert.DoesNotContain(lib, path => path.Contains("Cake.Core", StringComparison.OrdinalIgnoreCase) || path.Contains("Cake.Common", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_package_is_a_cake_addin_with_no_dependency_left_to_resolve()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        using var nuspec = package.GetEntry("Cake.Petard.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Contains("cake-addin", metadata.Elements().Single(e => e.Name.LocalName == "tags").Value.Split(' '));
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }
}
