using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>Every way an OpenAPI file can be wrong is a coded error that names the file and, where there is one, the line.</summary>
public sealed class OpenApiFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("unclosed.yaml", "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n  /a:\n    get:\n      summary: [unclosed\n", 8)]
    [InlineData("unclosed-then-more.yaml", "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n  /a:\n    get:\n      summary: [List orders\n      responses:\n        \"200\":\n          description: ok\n", 8)]
    [InlineData("tab.yaml", "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n\t/a: {}\n", 6)]
    [InlineData("broken.json", "{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\n    \"title\": \"x\",,\n  }\n}\n", 4)]
    public void A_syntax_error_is_PETARD1007_at_its_line(string name, string content, int line)
    {
        var file = temp.Write(name, content);

        var error = Assert.Throws<PetardException>(() => Load(file));

        Assert.Equal(PetardErrorCodes.OpenApiFileInvalid, error.Code);
        Assert.Equal(file, error.File);
        Assert.True(line == error.Line, error.Message);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_PETARD1006_saying_it_is_a_folder()
    {
        var error = Assert.Throws<PetardException>(() => Load(temp.Path));

        Assert.Equal(PetardErrorCodes.OpenApiFileMissing, error.Code);
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    private static void Load(string file)
    {
        var request = new DeployApiRequest();
        OpenApiDefinition.Load(request, file);
    }
}
