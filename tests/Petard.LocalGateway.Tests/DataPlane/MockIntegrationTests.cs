namespace Petard.Local.Tests.DataPlane;

/// <summary>MOCK: the request template chooses the status; integration responses by selection pattern, response parameters and templates.</summary>
public sealed class MockIntegrationTests : DataPlaneTestBase
{
    private static string Selecting(string requestStatus) => Api($$"""
          /items:
            get:
              responses:
                "200": {description: ok}
                "404": {description: missing}
                "500": {description: failed}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": {{requestStatus}}}'
                responses:
                  "4\\d{2}":
                    statusCode: "404"
                    responseParameters:
                      method.response.header.X-Kind: "'client-error'"
                    responseTemplates:
                      application/json: '{"error": "not found"}'
                  "5\\d{2}":
                    statusCode: "500"
                    responseTemplates:
                      application/json: '{"error": "failed"}'
                  default:
                    statusCode: "200"
                    responseParameters:
                      method.response.header.X-Kind: "'ok'"
                      method.response.header.X-Greeting: stageVariables.greeting
                      method.response.header.X-Request: context.requestId
                    responseTemplates:
                      application/json: '{"items": []}'
        """);

    [Theory]
    [InlineData("200", 200, """{"items": []}""", "ok")]
    [InlineData("404", 404, """{"error": "not found"}""", "client-error")]
    [InlineData("418", 404, """{"error": "not found"}""", "client-error")]
    [InlineData("503", 500, """{"error": "failed"}""", null)]
    [InlineData("302", 200, """{"items": []}""", "ok")]
    public async Task The_request_template_chooses_the_status_and_the_selection_pattern_the_response(string requestStatus, int status, string body, string? kind)
    {
        var apiId = await DeployAsync(Selecting(requestStatus));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/items"));

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Body);
        Assert.Equal(kind, answer.Header("X-Kind"));
        Assert.StartsWith("application/json", answer.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", null, 200, """{"as": "json"}""", "application/json")]
    [InlineData("application/json; charset=utf-8", "application/xml", 200, "<as>xml</as>", "application/xml")]
    [InlineData("application/json", "text/html, application/xml", 200, "<p>html</p>", "text/html")]
    [InlineData("application/json", "text/csv", 200, """{"as": "json"}""", "application/json")]
    [InlineData("text/plain", null, 201, """{"from": "text"}""", "application/json")]
    public async Task The_request_template_is_chosen_by_Content_Type_and_the_response_template_by_Accept(string contentType, string? accept, int status, string body, string responseType)
    {
        var apiId = await DeployAsync(Api("""
              /pick:
                post:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                      text/plain: '{"statusCode": 201}'
                    responses:
                      "201":
                        statusCode: "201"
                        responseTemplates:
                          application/json: '{"from": "text"}'
                      default:
                        statusCode: "200"
                        responseTemplates:
                          text/html: '<p>html</p>'
                          application/json: '{"as": "json"}'
                          application/xml: '<as>xml</as>'
            """));

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/pick"), "x", contentType, accept is null ? null : new Dictionary<string, string> { ["Accept"] = accept });

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Body);
        Assert.Equal(responseType, answer.Header("Content-Type"));
    }

    [Fact]
    public async Task Response_parameters_read_stage_variables_and_context()
    {
        var apiId = await DeployAsync(Selecting("200"), variables: new Dictionary<string, string> { ["greeting"] = "hi" });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/items"));

        Assert.Equal("hi", answer.Header("X-Greeting"));
        Assert.Equal(answer.Header("x-amzn-RequestId"), answer.Header("X-Request"));
    }

    [Fact]
    public async Task A_stage_variable_change_is_live_without_a_new_deployment()
    {
        var apiId = await DeployAsync(Selecting("200"), variables: new Dictionary<string, string> { ["greeting"] = "hi" });
        await PatchStageAsync(apiId, ("/variables/greeting", "hello"));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/items"));

        Assert.Equal("hello", answer.Header("X-Greeting"));
    }

    [Fact]
    public async Task No_matching_integration_response_and_no_default_is_500_Internal_server_error()
    {
        var apiId = await DeployAsync(Api("""
              /items:
                get:
                  responses:
                    "200": {description: ok}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      "4\\d{2}":
                        statusCode: "200"
            """));

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/items"));

        Assert.Equal(500, answer.Status);
        Assert.Equal("""{"message":"Internal server error"}""", answer.Body);
        Assert.Contains("No match for output mapping", LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_parameter_of_a_validated_method_is_checked_first_with_400()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var method = new { restApiId = apiId, resourceId = rootId, httpMethod = "GET" };
        await Client.InvokeAsync("PutMethodResponse", new { method.restApiId, method.resourceId, method.httpMethod, statusCode = "200" });
        await Client.InvokeAsync("PutIntegrationResponse", new { method.restApiId, method.resourceId, method.httpMethod, statusCode = "200" });
        var validator = await Client.InvokeAsync("CreateRequestValidator", new { restApiId = apiId, name = "params", validateRequestParameters = true });
        await Client.InvokeAsync("UpdateMethod", new
        {
            method.restApiId,
            method.resourceId,
            method.httpMethod,
            patchOperations = new object[]
            {
                new { op = "replace", path = "/requestValidatorId", value = validator.Id },
                new { op = "add", path = "/requestParameters/method.request.querystring.name", value = "true" },
            },
        });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });

        var missing = await CallAsync("GET", InvokeUrl(apiId, "/"));
        var given = await CallAsync("GET", InvokeUrl(apiId, "/?name=ann"));

        Assert.Equal(400, missing.Status);
        Assert.Equal("""{"message":"Missing required request parameters: [name]"}""", missing.Body);
        Assert.Equal(200, given.Status);
    }

    [Fact]
    public async Task The_sample_HelloApi_answers_its_hello_route()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "samples", "HelloApi", "openapi.yaml"));
        var apiId = await DeployAsync(sample, variables: new Dictionary<string, string> { ["greeting"] = "world" });

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/hello"));

        Assert.Equal(200, answer.Status);
        Assert.Contains("Hello", answer.Body, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Petard.Build.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Petard.Build.sln) was not found.");
    }
}
