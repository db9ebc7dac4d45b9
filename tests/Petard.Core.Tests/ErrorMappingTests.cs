using System.Net;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Error responses as the service (or a proxy in front of it) sends them, read into exceptions.</summary>
public class ErrorMappingTests
{
    public static TheoryData<HttpStatusCode, string, string?, string, string> ServiceErrors => new()
    {
        // status, body, x-amzn-ErrorType, expected ErrorType, expected ServiceMessage
        { HttpStatusCode.NotFound, "{\"message\":\"Invalid API identifier specified 123:abc\"}", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/", "NotFoundException", "Invalid API identifier specified 123:abc" },
        { HttpStatusCode.BadRequest, "{\"__type\":\"com.amazonaws.apigateway#BadRequestException\",\"message\":\"Invalid stage name\"}", null, "BadRequestException", "Invalid stage name" },
        { HttpStatusCode.Conflict, "{\"code\":\"ConflictException\",\"Message\":\"Stage already exists\"}", null, "ConflictException", "Stage already exists" },
        { HttpStatusCode.Forbidden, "{\"message\":\"The security token included in the request is invalid.\"}", "UnrecognizedClientException", "UnrecognizedClientException", "The security token included in the request is invalid." },
        { HttpStatusCode.BadRequest, "{\"message\":\"header wins\",\"__type\":\"BodyType\"}", "HeaderType", "HeaderType", "header wins" },
        { HttpStatusCode.NotFound, "", null, "NotFoundException", "(no message)" },
    };

    [Theory]
    [MemberData(nameof(ServiceErrors))]
    public async Task Error_response_becomes_a_PetardServiceException(HttpStatusCode status, string body, string? errorType, string expectedType, string expectedMessage)
    {
        var headers = new List<(string, string)> { ("x-amzn-RequestId", "req-123") };
        if (errorType is not null)
        {
            headers.Add(("x-amzn-ErrorType", errorType));
        }

        var handler = new RecordingHandler().Then(status, body, [.. headers]);
        using var client = TestClients.Create(handler, maxAttempts: 1); // retries are RetryTests' subject

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("GetRestApi", new { restApiId = "abc123" }));

        Assert.Equal(expectedType, error.ErrorType);
        Assert.Equal(expectedMessage, error.ServiceMessage);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal("GetRestApi", error.Operation);
        Assert.Equal(PetardErrorCodes.ServiceError, error.Code);
        Assert.Contains(expectedType, error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Html_error_page_of_a_proxy_is_a_service_error_with_an_excerpt()
    {
        var handler = new RecordingHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("<html><body><h1>403 Forbidden</h1>\n\n<p>by proxy</p></body></html>", System.Text.Encoding.UTF8, "text/html"),
        });
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal("Http403", error.ErrorType);
        Assert.Contains("403 Forbidden", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Null(error.RequestId);
    }

    [Theory]
    [InlineData("{\"id\":\"abc\",\"name\":")]
    [InlineData("<html>Gateway Timeout</html>")]
    [InlineData("[1,2,3]")]
    public async Task Unreadable_success_body_is_PETARD1016_not_a_crash(string body)
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.OK, body);
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApi", new { restApiId = "abc123" }));

        Assert.Equal(PetardErrorCodes.UnreadableResponse, error.Code);
        Assert.Contains("GetRestApi", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests); // an unreadable answer is not retried
    }

    [Fact]
    public async Task Empty_success_body_is_an_empty_resource_with_metadata()
    {
        var handler = new RecordingHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.Accepted) { Headers = { { "x-amzn-RequestId", "req-9" } } });
        using var client = TestClients.Create(handler);

        var result = await client.InvokeAsync("DeleteRestApi", new { restApiId = "abc123" });

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal("req-9", result.RequestId);
        Assert.Equal("{}", result.ToString());
    }
}
