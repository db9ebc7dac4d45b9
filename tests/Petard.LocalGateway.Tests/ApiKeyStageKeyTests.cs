namespace Petard.Local.Tests;

/// <summary>An API key's <c>/stageKeys</c>, patched one <c>restApiId/stageName</c> value at a time.</summary>
public sealed class ApiKeyStageKeyTests : GatewayTestBase
{
    [Fact]
    public async Task Stage_keys_are_added_and_removed_by_value_and_a_value_without_a_slash_is_refused()
    {
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "partner" });
        var added = await Client.InvokeAsync("UpdateApiKey", new { apiKey = key.Id, patchOperations = new[] { new { op = "add", path = "/stageKeys", value = "abc/dev" }, new { op = "add", path = "/stageKeys", value = "abc/dev" } } });
        Assert.Equal(["abc/dev"], added["stageKeys"].EnumerateArray().Select(v => v.GetString()));

        var removed = await Client.InvokeAsync("UpdateApiKey", new { apiKey = key.Id, patchOperations = new[] { new { op = "remove", path = "/stageKeys", value = "abc/dev" } } });
        Assert.Equal(0, removed["stageKeys"].GetArrayLength());

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateApiKey", new { apiKey = key.Id, patchOperations = new[] { new { op = "add", path = "/stageKeys", value = "nodelimiter" } } }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal("Invalid patch value 'nodelimiter' specified for op 'add' on path '/stageKeys'.", error.ServiceMessage);
    }
}
