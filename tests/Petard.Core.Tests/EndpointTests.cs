using Amazon.Runtime;
using Petard.Configuration;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Which endpoint a client sends to, and which it refuses.</summary>
public class EndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:4567", "http://127.0.0.1:4567/")]
    [InlineData("http://localhost:4567/", "http://localhost:4567/")]
    [InlineData("http://[::1]:4567", "http://[::1]:4567/")]
    [InlineData("https://apigateway.example.com", "https://apigateway.example.com/")]
    [InlineData("https://proxy.example.com/apigw", "https://proxy.example.com/apigw/")]
    public void Accepted_endpoints(string configured, string expected)
    {
        Assert.Equal(new Uri(expected), EndpointResolver.Resolve(configured, "eu-west-1"));
    }

    [Theory]
    [InlineData("http://apigateway.example.com")]
    [InlineData("http://10.0.0.5:4567")]
    [InlineData("http://127.0.0.1.example.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("127.0.0.1:4567")]
    [InlineData("not a url")]
    public void Refused_endpoints_are_PETARD1012(string configured)
    {
        var error = Assert.Throws<PetardException>(() => EndpointResolver.Resolve(configured, "eu-west-1"));

        Assert.Equal(PetardErrorCodes.InvalidEndpoint, error.Code);
        Assert.Contains(configured, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_off_loopback_is_refused_when_the_client_is_created()
    {
        var error = Assert.Throws<PetardException>(() => PetardClient.Create(new PetardClientOptions
        {
            EndpointUrl = "http://apigateway.example.com",
            Region = "eu-west-1",
            Credentials = new BasicAWSCredentials("AKID", "secret"),
        }));

        Assert.Equal(PetardErrorCodes.InvalidEndpoint, error.Code);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_endpoint_is_the_regional_service_endpoint()
    {
        Assert.Equal(new Uri("https://apigateway.ap-northeast-1.amazonaws.com/"), EndpointResolver.Resolve(null, "ap-northeast-1"));
    }

    [Fact]
    public void AWS_ENDPOINT_URL_API_GATEWAY_beats_AWS_ENDPOINT_URL_and_the_option_beats_both()
    {
        var both = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = "http://127.0.0.1:1111", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:2222" };
        var general = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:2222" };

        Assert.Equal(new Uri("http://127.0.0.1:1111/"), EndpointResolver.Resolve(EndpointResolver.Configured(null, n => both.GetValueOrDefault(n)), "eu-west-1"));
        Assert.Equal(new Uri("http://127.0.0.1:2222/"), EndpointResolver.Resolve(EndpointResolver.Configured(null, n => general.GetValueOrDefault(n)), "eu-west-1"));
        Assert.Equal(new Uri("https://gw.example.com/"), EndpointResolver.Resolve(EndpointResolver.Configured("https://gw.example.com", n => both.GetValueOrDefault(n)), "eu-west-1"));
    }

    [Fact]
    public async Task Requests_go_below_the_path_of_an_endpoint_with_one()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler, endpoint: "https://proxy.example.com/apigw");

        await client.InvokeAsync("GetStage", new { restApiId = "a1", stageName = "prod" });

        Assert.Equal("/apigw/restapis/a1/stages/prod", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Loopback_client_is_local_and_sends_plain_http()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler, endpoint: "http://localhost:4567");

        await client.InvokeAsync("GetRestApis", new { limit = 5 });

        Assert.True(client.IsLocalEndpoint);
        Assert.Equal(new Uri("http://localhost:4567/restapis?limit=5"), Assert.Single(handler.Requests).Uri);
    }
}

/// <summary>The endpoint variables read from the real process environment by a real client.</summary>
[Collection(EnvironmentScope.Collection)]
public class EndpointEnvironmentTests
{
    [Fact]
    public async Task Client_sends_to_AWS_ENDPOINT_URL_API_GATEWAY_rather_than_AWS_ENDPOINT_URL()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_ENDPOINT_URL_API_GATEWAY", "http://127.0.0.1:4567"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9999"));
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        Assert.Equal(new Uri("http://127.0.0.1:4567/restapis"), Assert.Single(handler.Requests).Uri);
        Assert.Equal("us-east-1", client.Region); // a local emulator needs no region setting
    }
}
