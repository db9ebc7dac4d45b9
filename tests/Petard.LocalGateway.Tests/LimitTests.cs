using System.Net;

namespace Petard.Local.Tests;

public sealed class LimitTests : GatewayTestBase
{
    [Fact]
    public async Task A_PutRestApi_body_over_6_MB_is_413_with_a_clear_message_and_changes_nothing()
    {
        var apiId = await CreateApiAsync();
        var before = Gateway.Snapshot().ToJsonString();
        var huge = "{\"swagger\":\"2.0\",\"info\":{\"title\":\"big\"},\"x-padding\":\"" + new string('x', 6 * 1024 * 1024) + "\"}";

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = apiId, body = huge }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Contains("6 MB", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }

    [Fact]
    public async Task A_definition_just_under_the_limit_is_accepted()
    {
        var apiId = await CreateApiAsync();
        var body = "{\"swagger\":\"2.0\",\"info\":{\"title\":\"big\"},\"paths\":{},\"x-padding\":\"" + new string('x', (6 * 1024 * 1024) - 200) + "\"}";
        var put = await Client.InvokeAsync("PutRestApi", new { restApiId = apiId, body });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Theory]
    [InlineData("openapi: [unclosed", "Invalid OpenAPI input.")]
    [InlineData("{\"openapi\": ", "Invalid OpenAPI input.")]
    [InlineData("title: no version marker", "Invalid OpenAPI input.")]
    [InlineData("openapi: 3.0.1\nx: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "Invalid OpenAPI input.")]
    public async Task A_bad_definition_is_a_BadRequest_and_the_api_keeps_its_resources(string body, string expected)
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        var before = Gateway.Snapshot().ToJsonString();

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = apiId, mode = "overwrite", body }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }
}

public sealed class ResourceLimitTests : GatewayTestBase
{
    [Fact]
    public async Task A_definition_nesting_more_resources_than_the_limit_is_refused_quickly_and_creates_nothing()
    {
        var deepPath = "/" + string.Join("/", Enumerable.Range(0, 5000).Select(i => $"p{i}"));
        var body = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"deep\",\"version\":\"1\"},\"paths\":{\"" + deepPath + "\":{\"get\":{\"responses\":{}}}}}";

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("1000 resources", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }
}
