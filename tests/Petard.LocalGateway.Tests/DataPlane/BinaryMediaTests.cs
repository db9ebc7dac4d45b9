using System.Net.Http.Headers;
using System.Text;

namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// Binary payloads through HTTP integrations, one row per line of the service's "Content type
/// conversions" tables: binary media types, <c>contentHandling</c> and the first Accept type.
/// </summary>
public sealed class BinaryMediaTests : EchoBackendTestBase
{
    private static readonly string PngBase64 = Convert.ToBase64String(EchoBackend.Png);

    private string UploadApi(string? contentHandling, string? template = null) => Api($$"""
          /upload:
            post:
              x-amazon-apigateway-integration:
                type: http
                httpMethod: POST
                uri: "{{Backend.Url}}echo"
                {{(contentHandling is null ? string.Empty : "contentHandling: " + contentHandling)}}
                {{(template is null ? string.Empty : "requestTemplates: {image/png: '" + template + "'}")}}
                responses:
                  default:
                    statusCode: "200"
        x-amazon-apigateway-binary-media-types: ["image/png"]
        """);

    private string DownloadApi(string backendPath, string? contentHandling) => Api($$"""
          /download:
            get:
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: "{{Backend.Url}}{{backendPath}}"
                responses:
                  default:
                    statusCode: "200"
                    {{(contentHandling is null ? string.Empty : "contentHandling: " + contentHandling)}}
        x-amazon-apigateway-binary-media-types: ["image/*"]
        """);

    [Theory]
    [InlineData("image/png", null, "binary")]
    [InlineData("image/png", "CONVERT_TO_BINARY", "binary")]
    [InlineData("image/png", "CONVERT_TO_TEXT", "base64")]
    public async Task A_binary_request_body_reaches_the_backend_as_contentHandling_says(string contentType, string? contentHandling, string expected)
    {
        var apiId = await DeployAsync(UploadApi(contentHandling));

        var (status, body, _) = await SendAsync(HttpMethod.Post, InvokeUrl(apiId, "/upload"), EchoBackend.Png, contentType);

        Assert.Equal(200, status);
        var echo = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var received = Convert.FromBase64String(echo["bodyBase64"]!.GetValue<string>());
        Assert.Equal(expected == "binary" ? EchoBackend.Png : Encoding.ASCII.GetBytes(PngBase64), received);
    }

    [Fact]
    public async Task A_text_body_is_base64_decoded_with_CONVERT_TO_BINARY()
    {
        var apiId = await DeployAsync(UploadApi("CONVERT_TO_BINARY"));

        var (_, body, _) = await SendAsync(HttpMethod.Post, InvokeUrl(apiId, "/upload"), Encoding.ASCII.GetBytes(PngBase64), "text/plain");
        var (notBase64Status, notBase64Body, _) = await SendAsync(HttpMethod.Post, InvokeUrl(apiId, "/upload"), "not base64!"u8.ToArray(), "text/plain");

        Assert.Equal(PngBase64, System.Text.Json.Nodes.JsonNode.Parse(body)!["bodyBase64"]!.GetValue<string>());
        Assert.Equal(500, notBase64Status);
        Assert.Equal("""{"message":"Internal server error"}""", Encoding.UTF8.GetString(notBase64Body));
        Assert.Contains("Unable to convert the method request body to binary", LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_body_converted_to_text_is_base64_in_the_template()
    {
        var apiId = await DeployAsync(UploadApi("CONVERT_TO_TEXT", """{"image": "$input.body"}"""));

        var (_, body, _) = await SendAsync(HttpMethod.Post, InvokeUrl(apiId, "/upload"), EchoBackend.Png, "image/png");

        Assert.Equal($$"""{"image": "{{PngBase64}}"}""", System.Text.Json.Nodes.JsonNode.Parse(body)!["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("png", "image/png", null, "binary")]
    [InlineData("png", "image/png,text/html", null, "binary")]
    [InlineData("png", "text/html,image/png", null, "base64")]
    [InlineData("png", "application/json", null, "base64")]
    [InlineData("png", "image/png", "CONVERT_TO_TEXT", "base64")]
    [InlineData("png", "application/json", "CONVERT_TO_BINARY", "binary")]
    [InlineData("png-base64", "image/png", null, "binary")]
    [InlineData("png-base64", "text/plain", "CONVERT_TO_BINARY", "binary")]
    [InlineData("png-base64", "text/plain", null, "base64")]
    [InlineData("png-base64", "image/png", "CONVERT_TO_TEXT", "base64")]
    public async Task The_response_payload_is_converted_by_contentHandling_and_the_first_Accept_type(string backendPath, string accept, string? contentHandling, string expected)
    {
        var apiId = await DeployAsync(DownloadApi(backendPath, contentHandling));

        var (status, body, _) = await SendAsync(HttpMethod.Get, InvokeUrl(apiId, "/download"), null, null, accept);

        Assert.Equal(200, status);
        Assert.Equal(expected == "binary" ? EchoBackend.Png : Encoding.ASCII.GetBytes(PngBase64), body);
    }

    [Fact]
    public async Task HTTP_PROXY_passes_binary_bodies_untouched_both_ways()
    {
        var apiId = await DeployAsync(Api(GreedyHttpProxy($"{Backend.Url}{{proxy}}")) + "\nx-amazon-apigateway-binary-media-types: [\"image/png\"]\n");

        var (_, echoed, _) = await SendAsync(HttpMethod.Post, InvokeUrl(apiId, "/echo"), EchoBackend.Png, "image/png");
        var (_, image, imageType) = await SendAsync(HttpMethod.Get, InvokeUrl(apiId, "/png"), null, null, "image/png");

        Assert.Equal(PngBase64, System.Text.Json.Nodes.JsonNode.Parse(echoed)!["bodyBase64"]!.GetValue<string>());
        Assert.Equal(EchoBackend.Png, image);
        Assert.Equal("image/png", imageType);
    }

    private async Task<(int Status, byte[] Body, string? ContentType)> SendAsync(HttpMethod method, string url, byte[]? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
