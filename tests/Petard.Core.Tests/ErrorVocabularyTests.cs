using Xunit;
using System.Reflection;
using Petard.Model;

namespace Petard.Core.Tests;

/// <summary>
/// Every error the core raises is written once, in PetardErrors, in neutral words: no front end's
/// vocabulary, and every setting it names can be renamed by the front end that shows it.
/// </summary>
public class ErrorVocabularyTests
{
    public static TheoryData<string> Factories => [.. FactoryMethods().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Factories))]
    public void A_core_message_names_no_front_end_and_renders_each_setting_in_the_callers_words(string factory)
    {
        var error = Invoke(FactoryMethods().First(m => m.Name == factory));

        Assert.Matches("^PETARD[12][0-9]{3}$", error.Code);
        Assert.DoesNotContain("MSBuild", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cake", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bPetard[A-Z]\w+", error.Message); // an MSBuild property name such as PetardOpenApiFile
        var rendered = error.Describe(setting => $"<{setting}>");
        Assert.All(error.Settings, setting => Assert.Contains($"<{setting}>", rendered, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_code_has_a_README_section()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../README.md"));
        var codes = typeof(PetardErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.All(codes, code => Assert.Contains($"### {code}", readme, StringComparison.Ordinal));
    }

    private static IEnumerable<MethodInfo> FactoryMethods() =>
        typeof(PetardClient).Assembly.GetType("Petard.PetardErrors", throwOnError: true)!
            .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.ReturnType.IsAssignableTo(typeof(PetardException)) && m.Name != "Error");

    private static PetardException Invoke(MethodInfo method)
    {
        var arguments = method.GetParameters().Select(p => Sample(p.ParameterType, p.Name!)).ToArray();
        return (PetardException)method.Invoke(null, arguments)!;
    }

    private static object? Sample(Type type, string name) => type switch
    {
        _ when type == typeof(string) => name == "setting" ? "StageName" : $"sample-{name}",
        _ when type == typeof(TextRule) => ServiceRules.Default.StageName,
        _ when type == typeof(MethodSettingRule) => ServiceRules.Default.MethodSettings.Find("logging/loglevel"),
        _ when type == typeof(OperationDefinition) => OperationModel.Default.Get("CreateDeployment"),
        _ when type == typeof(MemberDefinition) => OperationModel.Default.Get("CreateDeployment").Members.Values.First(),
        _ when type == typeof(Type) => typeof(int),
        _ when type == typeof(Uri) => new Uri("https://apigateway.eu-west-1.amazonaws.com/"),
        _ when type == typeof(int) => 3,
        _ when type == typeof(long) => 3L,
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
        _ when type == typeof(HttpRequestException) => new HttpRequestException("sample cause"),
        _ when type == typeof(PetardException) => new PetardException(PetardErrorCodes.ServiceError, "sample cause"),
        _ when type.IsAssignableTo(typeof(Exception)) => new IOException("sample cause"),
        _ when type.IsAssignableTo(typeof(IEnumerable<string>)) => new[] { "a", "b" },
        _ when type.IsAssignableTo(typeof(IEnumerable<string?>)) => new string?[] { "a", "b" },
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ => null,
    };
}
