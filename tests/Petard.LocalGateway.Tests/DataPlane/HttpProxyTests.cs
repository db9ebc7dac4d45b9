namespace Petard.Local.Tests.DataPlane;

/// <summary>HTTP_PROXY: the request is forwarded to the URI and the backend's answer returned as is; 504 on timeout, 502 on connection failure.</summary>
public sealed class HttpProxyTests : EchoBackendTestBase
{
    private static string ProxyApi(string uri, int timeoutInMillis = 29000) => Api(GreedyHttpProxy(uri, timeoutInMillis) + $$"""

          /pets/{id}:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: POST
                uri: "{{uri.Replace("{proxy}", "animals/{id}", StringComparison.Ordinal)}}"
        """);

    [Theory]
    [InlineData("GET", "/a/b", "/base/a/b")]
    [InlineData("DELETE", "/a/b%20c", "/base/a/b%20c")]
    [InlineData("GET", "/pets/7", "/base/animals/7")]
    public async Task The_path_with_its_parameters_reaches_the_backend(string method, string path, string backendPath)
    {
        var apiId = await DeployAsync(ProxyApi($"{Backend.Url}base/{{proxy}}"));

        var answer = await CallAsync(method, InvokeUrl(apiId, path));

        Assert.Equal(200, answer.Status);
        Assert.Equal(backendPath, answer.Json["path"]!.GetValue<string>());
        Assert.Equal(path == "/pets/7" ? "POST" : method, answer.Json["method"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_headers_and_body_are_forwarded()
    {
        var apiId = await DeployAsync(ProxyApi($"{Backend.Url}base/{{proxy}}"));

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/orders?size=2&tag=a&tag=b"), """{"n": 1}""", headers: new Dictionary<string, string> { ["X-Custom"] = "yes" });

        Assert.Equal("?size=2&tag=a&tag=b", answer.Json["query"]!.GetValue<string>());
        Assert.Equal("yes", answer.Json["headers"]!["X-Custom"]!.GetValue<string>());
        Assert.Equal("""{"n": 1}""", answer.Json["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_backend_answer_is_returned_as_is()
    {
        var apiId = await DeployAsync(ProxyApi($"{Backend.Url}{{proxy}}"));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/status/418"));

        Assert.Equal(418, answer.Status);
        Assert.Equal("I'm a teapot", answer.Body);
        Assert.Equal("kettle", answer.Header("X-Backend"));
        Assert.StartsWith("text/plain", answer.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_uri_takes_stage_variables()
    {
        // The documented form: the protocol written out, the host (here with its port) from the stage variable.
        var apiId = await DeployAsync(ProxyApi("http://${stageVariables.backend}/v2/{proxy}"), variables: new Dictionary<string, string> { ["backend"] = Backend.Url.Authority });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/x"));

        Assert.Equal("/v2/x", answer.Json["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("timeout", 504, """{"message":"Endpoint request timed out"}""")]
    [InlineData("refused", 502, """{"message":"Internal server error"}""")]
    public async Task Backend_failures_answer_the_service_errors(string failure, int status, string body)
    {
        var uri = failure == "timeout" ? $"{Backend.Url}{{proxy}}" : $"http://127.0.0.1:{TestServer.ClosedPort()}/{{proxy}}";
        var apiId = await DeployAsync(ProxyApi(uri, timeoutInMillis: 200));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/hang"));

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Body);
        Assert.Contains("Execution failed", LogText, StringComparison.Ordinal);
    }
}
