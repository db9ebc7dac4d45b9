using Xunit;
using Petard.Workflows;

namespace Petard.Core.Tests.Workflows;

/// <summary>Method-setting paths are parsed once, in the core: every form either front end accepts.</summary>
public class MethodSettingTests
{
    [Theory]
    [InlineData("*/*/throttling/rateLimit", "/*/*/throttling/rateLimit", "*/*")]
    [InlineData("/*/*/throttling/rateLimit", "/*/*/throttling/rateLimit", "*/*")]
    [InlineData("~1pets/GET/logging/loglevel", "/~1pets/GET/logging/loglevel", "pets/GET")]
    [InlineData("/~1pets/GET/logging/loglevel", "/~1pets/GET/logging/loglevel", "pets/GET")]
    [InlineData("/pets/GET/logging/loglevel", "/~1pets/GET/logging/loglevel", "pets/GET")]
    [InlineData("/pets/{id}/DELETE/caching/enabled", "/~1pets~1{id}/DELETE/caching/enabled", "pets/{id}/DELETE")]
    [InlineData("~1pets~1{id}/DELETE/caching/enabled", "/~1pets~1{id}/DELETE/caching/enabled", "pets/{id}/DELETE")]
    public void A_whole_path_in_any_accepted_form_gives_the_service_patch_path(string path, string patchPath, string methodKey)
    {
        var setting = MethodSetting.FromPath(path, path.EndsWith("loglevel", StringComparison.Ordinal) ? "INFO" : path.EndsWith("enabled", StringComparison.Ordinal) ? "true" : "1");

        setting.Validate();
        Assert.Equal(patchPath, setting.PatchPath);
        Assert.Equal(methodKey, setting.MethodKey);
    }

    [Theory]
    [InlineData("", "/*/*/throttling/burstLimit")]
    [InlineData("*/*", "/*/*/throttling/burstLimit")]
    [InlineData("/pets/GET", "/~1pets/GET/throttling/burstLimit")]
    [InlineData("~1pets/GET", "/~1pets/GET/throttling/burstLimit")]
    [InlineData("/pets/GET/", "/~1pets/GET/throttling/burstLimit")]
    public void Methods_and_setting_in_parts_give_the_same_patch_path(string method, string patchPath)
    {
        var setting = new MethodSetting(method, "throttling/burstLimit", "10");

        setting.Validate();
        Assert.Equal(patchPath, setting.PatchPath);
        Assert.Equal(patchPath, MethodSetting.FromPath($"{(method.Length == 0 ? "*/*" : method.TrimEnd('/'))}/throttling/burstLimit", "10").PatchPath);
    }

    [Theory]
    [InlineData("*/throttling/rateLimit", "1")]
    [InlineData("pets/GET/throttling/rateLimit", "1")]
    [InlineData("~1pets//logging/loglevel", "INFO")]
    [InlineData("*/*/throttling/speed", "1")]
    [InlineData("*/*/throttling/rateLimit", "fast")]
    [InlineData("*/*/caching/ttlInSeconds", "3601")]
    [InlineData("*/*/logging/loglevel", "LOUD")]
    public void A_form_setting_or_value_the_service_refuses_is_PETARD1014_naming_the_setting(string path, string value)
    {
        var error = Assert.Throws<PetardException>(() => MethodSetting.FromPath(path, value).Validate());

        Assert.Equal(PetardErrorCodes.InvalidInput, error.Code);
        Assert.Equal(["MethodSettings"], error.Settings);
    }
}
