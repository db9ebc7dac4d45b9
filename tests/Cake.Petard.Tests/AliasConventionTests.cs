using System.Reflection;
using System.Xml.Linq;
using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Petard.Tests;

/// <summary>What Cake and its documentation need of every alias.</summary>
public class AliasConventionTests
{
    private static readonly MethodInfo[] Aliases = typeof(PetardAliases).GetMethods(BindingFlags.Public | BindingFlags.Static);

    public static TheoryData<string> AliasNames => new(Aliases.Select(m => m.Name));

    [Fact]
    public void The_addin_has_the_aliases_of_the_design()
    {
        Assert.Equal(
            ["PetardAbortCanary", "PetardClient", "PetardCreateDeployment", "PetardDeployApi", "PetardEnsureStage", "PetardImportRestApi", "PetardPlan", "PetardPromoteCanary"],
            Aliases.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AliasNames))]
    public void Each_alias_is_a_Cake_method_alias_of_the_Petard_category(string name)
    {
        var alias = Aliases.Single(m => m.Name == name);

        Assert.NotNull(alias.GetCustomAttribute<CakeMethodAliasAttribute>());
        Assert.Equal("Petard", alias.GetCustomAttribute<CakeAliasCategoryAttribute>()?.Name);
        Assert.Equal(typeof(ICakeContext), alias.GetParameters()[0].ParameterType);
    }

    [Theory]
    [MemberData(nameof(AliasNames))]
    public void Each_alias_documents_an_example(string name)
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Cake.Petard.xml"));

        var member = docs.Descendants("member").Single(m => m.Attribute("name")!.Value.StartsWith($"M:Cake.Petard.PetardAliases.{name}(", StringComparison.Ordinal));

        Assert.False(string.IsNullOrWhiteSpace(member.Element("example")?.Element("code")?.Value), $"{name} has no <example><code> block.");
    }

    [Fact]
    public void The_aliases_import_the_namespaces_their_results_and_settings_live_in()
    {
        var imports = typeof(PetardAliases).GetCustomAttributes<CakeNamespaceImportAttribute>().Select(a => a.Namespace);

        Assert.Equal(["Cake.Petard", "Petard", "Petard.Workflows"], imports.Order(StringComparer.Ordinal));
    }
}
