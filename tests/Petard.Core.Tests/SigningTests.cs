using System.Net;
using Amazon.Runtime;
using Petard.Core.Tests.Infrastructure;
using Xunit;

namespace Petard.Core.Tests;

public class SigningTests
{
    public static TheoryData<string, string> Requests => new()
    {
        { "CreateRestApi", "{\"name\":\"petstore api\",\"tags\":{\"team\":\"a b\"}}" },
        { "GetResource", "{\"restApiId\":\"a/b c\",\"resourceId\":\"r\u00e9\",\"embed\":[\"methods\",\"x y\"]}" },
        { "DeleteRestApi", "{\"restApiId\":\"abc123\"}" },
        { "PutRestApi", "{\"restApiId\":\"abc123\",\"mode\":\"merge\",\"parameters\":{\"ignore\":\"documentation\"},\"body\":\"openapi: 3.0.1\"}" },
        { "GetExport", "{\"restApiId\":\"abc123\",\"stageName\":\"prod\",\"exportType\":\"oas30\",\"accepts\":\"application/yaml\"}" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_carries_a_valid_SigV4_signature_for_apigateway_and_the_region(string operation, string parameters)
    {
        var handler = new RecordingHandler();
        var credentials = new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey);
        using var client = TestClients.Create(handler, credentials);

        await client.InvokeAsync(operation, System.Text.Json.JsonDocument.Parse(parameters).RootElement);

        var request = Assert.Single(handler.Requests);
        SignatureCheck.AssertValid(request, credentials, TestClients.Region);
        Assert.Equal(TestClients.AccessKey, SignatureCheck.Read(request).AccessKey);
        Assert.Null(request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Signature_made_with_another_secret_does_not_verify()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        await client.InvokeAsync("GetRestApis");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SignatureCheck.AssertValid(handler.Requests[0], new BasicAWSCredentials(TestClients.AccessKey, "another-secret"), TestClients.Region));
    }

    [Fact]
    public async Task Session_credentials_send_and_sign_the_security_token()
    {
        var handler = new RecordingHandler();
        var credentials = new SessionAWSCredentials("ASIAPETARD", "session-secret", "the-session-token");
        using var client = TestClients.Create(handler, credentials);

        await client.InvokeAsync("GetRestApi", new { restApiId = "abc123" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SignatureCheck.Read(request).SignedHeaders);
        SignatureCheck.AssertValid(request, credentials, TestClients.Region);
    }

    [Fact]
    public async Task Every_retry_attempt_is_signed_again()
    {
        var handler = new RecordingHandler()
            .Then(HttpStatusCode.ServiceUnavailable, "{\"message\":\"busy\"}")
            .Then(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", ("Retry-After", "0"))
            .Then(HttpStatusCode.OK, "{\"id\":\"abc123\"}");
        var credentials = new RotatingCredentials();
        using var client = TestClients.Create(handler, credentials);

        await client.InvokeAsync("GetRestApi", new { restApiId = "abc123" });

        // Credentials that change on every read prove each attempt went through the signer anew.
        Assert.Equal(["AKIDROTATING1", "AKIDROTATING2", "AKIDROTATING3"], handler.Requests.Select(r => SignatureCheck.Read(r).AccessKey));
    }

    /// <summary>Credentials that hand out a new key on every read, as rotating role credentials would.</summary>
    private sealed class RotatingCredentials : AWSCredentials
    {
        private int reads;

        public override ImmutableCredentials GetCredentials() => new($"AKIDROTATING{Interlocked.Increment(ref reads)}", "rotating-secret", null);

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(GetCredentials());
    }
}
