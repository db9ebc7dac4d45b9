using System.Net;
using Amazon.Runtime;

namespace Petard.Local.Tests;

public sealed class SignatureTests : GatewayTestBase
{
    protected override LocalGatewayOptions Options => new() { VerifySignatures = new SigningKey(TestCredentials.GetCredentials().AccessKey, TestCredentials.GetCredentials().SecretKey) };

    [Fact]
    public async Task Requests_signed_with_the_right_secret_pass_including_query_strings_and_raw_bodies()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = "openapi: 3.0.1\ninfo:\n  title: Signed\n  version: '1'\npaths:\n  /a:\n    get:\n      responses: {}\n" });
        Assert.Equal("Signed", api.GetString("name"));
        Assert.Single((await Client.InvokeAsync("GetRestApis", new { limit = 5 })).Items);
        Assert.Equal(2, (await Client.InvokeAsync("GetResources", new { restApiId = api.Id, embed = new[] { "methods" } })).Items.Count);
    }

    [Fact]
    public async Task A_wrong_secret_is_403_InvalidSignatureException_and_changes_nothing()
    {
        using var client = CreateClient(credentials: new BasicAWSCredentials(TestCredentials.GetCredentials().AccessKey, "not-the-secret"));

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("CreateRestApi", new { name = "x" }));
        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_access_key_is_403_UnrecognizedClientException()
    {
        using var client = CreateClient(credentials: new BasicAWSCredentials("AKIDSOMEONEELSE", "x"));
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("GetRestApis"));
        Assert.Equal("UnrecognizedClientException", error.ErrorType);
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_403_IncompleteSignatureException()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Gateway.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "restapis");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=onlythis");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
