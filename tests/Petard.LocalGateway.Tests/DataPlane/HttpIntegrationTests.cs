namespace Petard.Local.Tests.DataPlane;

/// <summary>HTTP (non-proxy) and MOCK with mapping templates: request and response templates, parameter mapping, selection by the backend's status.</summary>
public sealed class HttpIntegrationTests : EchoBackendTestBase
{
    private string HttpApi(string path = "echo/{id}") => Api($$"""
          /orders/{id}:
            post:
              responses:
                "200": {description: ok}
                "404": {description: missing}
              x-amazon-apigateway-integration:
                type: http
                httpMethod: PUT
                uri: "{{Backend.Url}}{{path}}"
                requestParameters:
                  integration.request.path.id: method.request.path.id
                  integration.request.querystring.mode: "'fast'"
                  integration.request.header.X-Stage: stageVariables.env
                requestTemplates:
                  application/json: |
                    #set($order = $input.path('$'))
                    {"customer": "$util.escapeJavaScript($order.name)", "count": $order.items.size(), "id": "$input.params('id')"}
                responses:
                  "404":
                    statusCode: "404"
                    responseTemplates:
                      application/json: '{"missing": "$input.params(''id'')"}'
                  default:
                    statusCode: "200"
                    responseParameters:
                      method.response.header.X-Backend-Method: integration.response.body.method
                    responseTemplates:
                      application/json: |
                        #set($echo = $util.parseJson($input.path('$.body')))
                        {"path": "$input.path('$.path')", "query": "$input.path('$.query')", "stage": "$input.path('$.headers.X-Stage')", "customer": "$util.escapeJavaScript($echo.customer)", "count": $echo.count}
        """);

    [Fact]
    public async Task Request_and_response_templates_and_parameters_shape_the_call_and_the_answer()
    {
        var apiId = await DeployAsync(HttpApi(), variables: new Dictionary<string, string> { ["env"] = "test" });

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/orders/42"), """{"name": "Ann \"A\" Lee", "items": [1, 2, 3]}""");

        Assert.True(answer.Status == 200, LogText);
        Assert.Equal("/echo/42", answer.Json["path"]!.GetValue<string>());
        Assert.Equal("?mode=fast", answer.Json["query"]!.GetValue<string>());
        Assert.Equal("test", answer.Json["stage"]!.GetValue<string>());
        Assert.Equal("Ann \"A\" Lee", answer.Json["customer"]!.GetValue<string>());
        Assert.Equal(3, answer.Json["count"]!.GetValue<int>());
        Assert.Equal("PUT", answer.Header("X-Backend-Method"));
    }

    [Theory]
    [InlineData("method.request.path.id", "42")]
    [InlineData("method.request.querystring.q", "tea")]
    [InlineData("method.request.multivaluequerystring.tag", "a,b")]
    [InlineData("method.request.header.X-Trace", "t1")]
    [InlineData("'static'", "static")]
    [InlineData("stageVariables.env", "test")]
    [InlineData("context.stage", "dev")]
    [InlineData("context.resourcePath", "/map/{id}")]
    public async Task A_request_parameter_maps_from_each_source(string source, string expected)
    {
        var apiId = await DeployAsync(
            Api($$"""
              /map/{id}:
                post:
                  x-amazon-apigateway-integration:
                    type: http
                    httpMethod: POST
                    uri: "{{Backend.Url}}echo"
                    requestParameters:
                      integration.request.header.X-Mapped: "{{source}}"
                    responses:
                      default:
                        statusCode: "200"
            """),
            variables: new Dictionary<string, string> { ["env"] = "test" });

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/map/42?q=tea&tag=a&tag=b"), "{}", headers: new Dictionary<string, string> { ["X-Trace"] = "t1" });

        Assert.True(answer.Status == 200, LogText);
        Assert.Equal(expected, answer.Json["headers"]!["X-Mapped"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_backend_status_selects_the_integration_response()
    {
        var apiId = await DeployAsync(HttpApi("status/404"));

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/orders/9"), """{"name": "x", "items": []}""");

        Assert.Equal(404, answer.Status);
        Assert.Equal("""{"missing": "9"}""", answer.Body);
    }

    [Fact]
    public async Task A_mock_template_reads_the_request()
    {
        var apiId = await DeployAsync(Api("""
              /greet/{name}:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": $input.params(''code'')}'
                    responses:
                      "2\\d{2}":
                        statusCode: "201"
                        responseTemplates:
                          application/json: '{"hello": "$input.params(''name'')", "stage": "$context.stage"}'
                      default:
                        statusCode: "400"
                        responseTemplates:
                          application/json: '{"error": "bad code"}'
            """));

        var created = await CallAsync("GET", InvokeUrl(apiId, "/greet/ann?code=200"));
        var bad = await CallAsync("GET", InvokeUrl(apiId, "/greet/ann?code=500"));

        Assert.Equal(201, created.Status);
        Assert.Equal("""{"hello": "ann", "stage": "dev"}""", created.Body);
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task A_template_the_engine_cannot_run_is_500_and_the_log_names_template_and_line()
    {
        var apiId = await DeployAsync(Api("""
              /broken:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: |
                        {"statusCode": 200}
                        #macro(nope)#end
                    responses:
                      default:
                        statusCode: "200"
            """));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/broken"));

        Assert.Equal(500, answer.Status);
        Assert.Equal("""{"message":"Internal server error"}""", answer.Body);
        Assert.Contains("request template 'application/json' of GET /broken, line 2: #macro is not supported", LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_AWS_service_integration_is_a_500_that_names_what_is_not_emulated()
    {
        var apiId = await DeployAsync(Api("""
              /queue:
                post:
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"
                    responses:
                      default:
                        statusCode: "200"
            """));

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/queue"), "{}");

        Assert.Equal(500, answer.Status);
        Assert.Contains("does not emulate AWS integrations (arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders)", answer.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEVER", "application/json", 415)]
    [InlineData("NEVER", "text/plain", 415)]
    [InlineData("WHEN_NO_MATCH", "text/plain", 200)]
    [InlineData("WHEN_NO_TEMPLATES", "text/plain", 415)]
    public async Task Passthrough_behavior_decides_when_no_template_matches(string behavior, string contentType, int status)
    {
        var apiId = await DeployAsync(Api($$"""
              /in:
                post:
                  x-amazon-apigateway-integration:
                    type: http
                    httpMethod: POST
                    uri: "{{Backend.Url}}echo"
                    passthroughBehavior: {{behavior.ToLowerInvariant()}}
                    requestTemplates:
                      application/xml: '<x/>'
                    responses:
                      default:
                        statusCode: "200"
            """));

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/in"), "raw", contentType);

        Assert.Equal(status, answer.Status);
        if (status == 200)
        {
            Assert.Equal("raw", answer.Json["body"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal("""{"message":"Unsupported Media Type"}""", answer.Body);
        }
    }
}
