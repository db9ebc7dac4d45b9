namespace Petard.Local.Tests;

/// <summary>SDK types, and GetSdk's answer that SDK generation is not emulated.</summary>
public sealed class SdkTypeTests : GatewayTestBase
{
    [Fact]
    public async Task The_sdk_types_of_the_service_are_listed_and_read_one_by_one()
    {
        var types = (await Client.InvokeAsync("GetSdkTypes")).Items.Select(t => t.Id).ToList();
        Assert.Contains("javascript", types);
        Assert.Contains("android", types);
        var java = await Client.InvokeAsync("GetSdkType", new { id = "java" });
        Assert.Equal("Java", java.GetString("friendlyName"));
        Assert.True(java["configurationProperties"].GetArrayLength() > 0);

        var unknown = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetSdkType", new { id = "cobol" }));
        Assert.Equal("NotFoundException", unknown.ErrorType);
    }

    [Fact]
    public async Task GetSdk_checks_its_input_then_says_in_the_service_error_shape_that_generation_is_not_emulated()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var noStage = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetSdk", new { restApiId = apiId, stageName = "dev", sdkType = "javascript" }));
        Assert.Equal("NotFoundException", noStage.ErrorType);

        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetSdk", new { restApiId = apiId, stageName = "dev", sdkType = "javascript" }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("SDK generation is not emulated", error.ServiceMessage, StringComparison.Ordinal);
    }
}
