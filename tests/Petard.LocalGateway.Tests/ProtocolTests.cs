using System.Net;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

public sealed class ProtocolTests : GatewayTestBase
{
    [Fact]
    public async Task A_request_without_a_signature_is_refused_with_403_MissingAuthenticationToken()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Gateway.Url) };
        using var response = await http.GetAsync("restapis");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Missing Authentication Token", body["message"]!.GetValue<string>());
        Assert.Empty(Gateway.Calls);
    }

    [Fact]
    public async Task An_unknown_path_is_404_UnknownOperationException()
    {
        using var http = SignedHttp();
        using var response = await http.GetAsync("no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("/no/such/thing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": ", "application/json", "not valid JSON")]
    [InlineData("[1, 2]", "application/json", "must be a JSON object")]
    [InlineData("{\"name\": 42}", "application/json", "must be a string")]
    [InlineData("name=orders", "application/x-www-form-urlencoded", "Content-Type")]
    [InlineData("{}", "application/json", "Member must not be null")]
    public async Task Bad_input_is_a_400_BadRequest_with_a_clear_message_and_no_change(string body, string contentType, string expected)
    {
        var before = Gateway.Snapshot().ToJsonString();
        using var http = SignedHttp();
        using var response = await http.PostAsync("restapis", Body(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequestException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }

    [Fact]
    public async Task The_call_log_counts_calls_per_operation_and_can_be_cleared()
    {
        var id = await CreateApiAsync();
        await Client.InvokeAsync("GetRestApi", new { restApiId = id });
        await Client.InvokeAsync("GetRestApi", new { restApiId = id });

        Assert.Equal(["CreateRestApi", "GetRestApi", "GetRestApi"], Gateway.Calls);
        Assert.Equal(2, Gateway.Calls.CountOf("GetRestApi"));
        Gateway.Calls.Clear();
        Assert.Empty(Gateway.Calls);
    }
}
