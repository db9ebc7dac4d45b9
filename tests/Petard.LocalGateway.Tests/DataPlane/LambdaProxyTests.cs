using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Petard.Local.Tests.DataPlane;

/// <summary>AWS_PROXY to a local function speaking the Runtime Interface Emulator's invoke protocol.</summary>
public sealed class LambdaProxyTests : FunctionTestBase
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private const string ImageTypes = "\nx-amazon-apigateway-binary-media-types: [\"image/*\"]\n";

    private readonly ConcurrentQueue<JsonObject> events = new();
    private string answer = """{"statusCode": 201, "headers": {"X-One": "1"}, "multiValueHeaders": {"X-Many": ["a", "b"]}, "body": "{\"ok\":true}"}""";

    protected override void ConfigureOptions(LocalGatewayOptions options)
    {
        options.Lambdas["orders"] = Function.Url;
        options.Lambdas["arn:aws:lambda:us-east-1:123456789012:function:billing"] = Function.Url;
    }

    private static string LambdaApi(string functionArn) => Api($$"""
          /orders/{id}:
            post:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{{functionArn}}/invocations"
        """);

    [Fact]
    public async Task The_proxy_event_carries_the_request()
    {
        var apiId = await DeployAsync(LambdaApi(FunctionArn), variables: new Dictionary<string, string> { ["env"] = "test" });

        await CallAsync("POST", InvokeUrl(apiId, "/orders/42?a=1&b=2&b=3"), """{"n":1}""", headers: new Dictionary<string, string> { ["X-Custom"] = "yes" });

        var sent = Assert.Single(events);
        Assert.Equal("/orders/{id}", sent["resource"]!.GetValue<string>());
        Assert.Equal("/orders/42", sent["path"]!.GetValue<string>());
        Assert.Equal("POST", sent["httpMethod"]!.GetValue<string>());
        Assert.Equal("yes", sent["headers"]!["X-Custom"]!.GetValue<string>());
        Assert.Equal("yes", sent["multiValueHeaders"]!["X-Custom"]![0]!.GetValue<string>());
        Assert.Equal("3", sent["queryStringParameters"]!["b"]!.GetValue<string>());
        Assert.Equal(2, sent["multiValueQueryStringParameters"]!["b"]!.AsArray().Count);
        Assert.Equal("42", sent["pathParameters"]!["id"]!.GetValue<string>());
        Assert.Equal("test", sent["stageVariables"]!["env"]!.GetValue<string>());
        Assert.Equal("dev", sent["requestContext"]!["stage"]!.GetValue<string>());
        Assert.Equal(apiId, sent["requestContext"]!["apiId"]!.GetValue<string>());
        Assert.Equal("/orders/{id}", sent["requestContext"]!["resourcePath"]!.GetValue<string>());
        Assert.Equal("""{"n":1}""", sent["body"]!.GetValue<string>());
        Assert.False(sent["isBase64Encoded"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(FunctionArn)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:billing")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders:live")]
    public async Task The_function_is_found_by_name_or_arn_and_its_answer_mapped(string functionArn)
    {
        var apiId = await DeployAsync(LambdaApi(functionArn));

        var response = await CallAsync("POST", InvokeUrl(apiId, "/orders/1"), "{}");

        Assert.Equal(201, response.Status);
        Assert.Equal("""{"ok":true}""", response.Body);
        Assert.Equal("1", response.Header("X-One"));
        Assert.Equal("a,b", response.Header("X-Many"));
    }

    [Theory]
    [InlineData("image/png", "hello")]
    [InlineData("image/png, text/html", "hello")]
    [InlineData("text/html, image/png", "aGVsbG8=")]
    [InlineData(null, "aGVsbG8=")]
    public async Task A_base64_body_is_decoded_when_the_first_Accept_type_is_binary(string? accept, string body)
    {
        answer = """{"statusCode": 200, "headers": {"Content-Type": "text/plain"}, "body": "aGVsbG8=", "isBase64Encoded": true}""";
        var apiId = await DeployAsync(LambdaApi(FunctionArn) + ImageTypes);

        var response = await CallAsync("POST", InvokeUrl(apiId, "/orders/1"), "{}", headers: accept is null ? null : new Dictionary<string, string> { ["Accept"] = accept });

        Assert.Equal(body, response.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"body": "no status"}""")]
    [InlineData("""{"statusCode": 200, "body": {"an": "object"}}""")]
    [InlineData("""{"statusCode": 200, "cookies": []}""")]
    [InlineData("""{"errorMessage": "boom", "errorType": "Exception"}""")]
    public async Task A_malformed_answer_is_502_Internal_server_error(string malformed)
    {
        answer = malformed;
        var apiId = await DeployAsync(LambdaApi(FunctionArn));

        var response = await CallAsync("POST", InvokeUrl(apiId, "/orders/1"), "{}");

        Assert.Equal(502, response.Status);
        Assert.Equal("""{"message":"Internal server error"}""", response.Body);
    }

    [Fact]
    public async Task A_function_without_a_local_url_is_500_naming_the_option()
    {
        var apiId = await DeployAsync(LambdaApi("arn:aws:lambda:us-east-1:123456789012:function:unknown"));

        var response = await CallAsync("POST", InvokeUrl(apiId, "/orders/1"), "{}");

        Assert.Equal(500, response.Status);
        Assert.Contains("--lambda", response.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/*", "image/png", true)]
    [InlineData("image/*", "application/json", false)]
    [InlineData("*/*", "application/json", true)]
    [InlineData("application/octet-stream", "image/png", false)]
    public async Task A_binary_media_type_body_reaches_the_function_in_base64(string binaryMediaType, string contentType, bool base64)
    {
        var apiId = await DeployAsync(LambdaApi(FunctionArn) + $"\nx-amazon-apigateway-binary-media-types: [\"{binaryMediaType}\"]\n");
        using var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await Http.PostAsync(new Uri(InvokeUrl(apiId, "/orders/1")), content);

        var sent = Assert.Single(events);
        Assert.Equal(base64, sent["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal(base64 ? Convert.ToBase64String("{}"u8) : "{}", sent["body"]!.GetValue<string>());
    }

    [Fact]
    public void The_command_line_takes_repeated_lambda_options_by_name_or_arn()
    {
        var options = GatewayHost.ParseArguments(["--lambda", "orders=http://127.0.0.1:9000", "--lambda", FunctionArn + "=http://127.0.0.1:9001/"])!;

        Assert.Equal(new Uri("http://127.0.0.1:9000"), options.Lambdas["orders"]);
        Assert.Equal(new Uri("http://127.0.0.1:9001/"), options.Lambdas[FunctionArn]);
        Assert.Throws<FormatException>(() => GatewayHost.ParseArguments(["--lambda", "orders"]));
    }

    protected override async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path != "/2015-03-31/functions/function/invocations" || context.Request.Method != "POST")
        {
            context.Response.StatusCode = 404;
            return;
        }

        events.Enqueue((await JsonNode.ParseAsync(context.Request.Body))!.AsObject());
        if (answer.Contains("errorMessage", StringComparison.Ordinal))
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        await context.Response.WriteAsync(answer);
    }
}
