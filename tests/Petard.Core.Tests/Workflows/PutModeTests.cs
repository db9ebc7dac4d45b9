using Petard.Model;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>The typed put mode mirrors the official model's PutMode enum, and text reads into it with a coded error.</summary>
public class PutModeTests
{
    [Fact]
    public void The_enum_has_exactly_the_models_put_modes()
    {
        Assert.Equal(
            ServiceRules.Default.PutModes.Order(StringComparer.Ordinal),
            Enum.GetNames<PutMode>().Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", PutMode.Overwrite)]
    [InlineData(" merge ", PutMode.Merge)]
    [InlineData("Overwrite", PutMode.Overwrite)]
    public void Text_reads_into_the_enum(string text, PutMode expected) => Assert.Equal(expected, SettingText.PutMode(text));

    [Theory]
    [InlineData("replace")]
    [InlineData("1")]
    public void Other_text_is_PETARD1014_naming_PutMode(string text)
    {
        var error = Assert.Throws<PetardException>(() => SettingText.PutMode(text));

        Assert.Equal(PetardErrorCodes.InvalidInput, error.Code);
        Assert.Equal(["PutMode"], error.Settings);
    }
}
