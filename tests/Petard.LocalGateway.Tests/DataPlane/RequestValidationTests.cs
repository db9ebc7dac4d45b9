namespace Petard.Local.Tests.DataPlane;

/// <summary>Request validators on invoke requests: required parameters and the body against the model's JSON schema.</summary>
public sealed class RequestValidationTests : DataPlaneTestBase
{
    private const string OrderSchema = """
        {
          "$schema": "http://json-schema.org/draft-04/schema#",
          "type": "object",
          "required": ["name", "quantity"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 10, "pattern": "^[a-z]+$" },
            "quantity": { "type": "integer", "minimum": 1, "maximum": 5 },
            "size": { "enum": ["S", "M", "L"] },
            "tags": { "type": "array", "maxItems": 2, "items": { "type": "string" } },
            "address": { "$ref": "https://apigateway.amazonaws.com/restapis/x/models/Address" }
          }
        }
        """;

    private const string AddressSchema = """{"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}}""";

    [Theory]
    [InlineData("""{"name": "tea", "quantity": 2}""", 200)]
    [InlineData("""{"name": "tea", "quantity": 2, "size": "M", "tags": ["a"], "address": {"city": "Oslo"}}""", 200)]
    [InlineData("""{"name": "tea"}""", 400)]
    [InlineData("""{"name": "tea", "quantity": "2"}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 2.5}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 9}""", 400)]
    [InlineData("""{"name": "t", "quantity": 2}""", 400)]
    [InlineData("""{"name": "Tea", "quantity": 2}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 2, "size": "XL"}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 2, "tags": ["a", "b", "c"]}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 2, "extra": 1}""", 400)]
    [InlineData("""{"name": "tea", "quantity": 2, "address": {}}""", 400)]
    [InlineData("not json", 400)]
    [InlineData("[]", 400)]
    public async Task The_body_must_match_the_model(string body, int status)
    {
        var apiId = await DeployValidatedAsync(validateBody: true, validateParameters: false);

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/orders"), body);

        Assert.Equal(status, answer.Status);
        if (status == 400)
        {
            Assert.Equal("""{"message": "Invalid request body"}""".Replace(" ", string.Empty, StringComparison.Ordinal), answer.Body.Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.Equal("BadRequestException", answer.Header("x-amzn-ErrorType"));
            Assert.Contains("Request body does not match model schema", LogText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/orders?tenant=t1", true, 200, null)]
    [InlineData("/orders", false, 400, """{"message":"Missing required request parameters: [tenant, X-Trace]"}""")]
    [InlineData("/orders", true, 400, """{"message":"Missing required request parameters: [tenant]"}""")]
    [InlineData("/orders?tenant=t1", false, 400, """{"message":"Missing required request parameters: [X-Trace]"}""")]
    public async Task Required_parameters_must_be_present(string path, bool withHeader, int status, string? body)
    {
        var apiId = await DeployValidatedAsync(validateBody: false, validateParameters: true);
        var headers = new Dictionary<string, string>();
        if (withHeader)
        {
            headers["X-Trace"] = "1";
        }

        var answer = await CallAsync("POST", InvokeUrl(apiId, path), "{}", headers: headers);

        Assert.Equal(status, answer.Status);
        if (body is not null)
        {
            Assert.Equal(body, answer.Body);
        }
    }

    [Fact]
    public async Task A_validator_checks_only_what_it_is_set_to()
    {
        var apiId = await DeployValidatedAsync(validateBody: false, validateParameters: false);

        var answer = await CallAsync("POST", InvokeUrl(apiId, "/orders"), "not json");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("/orders?tenant=t1", "{\"name\": \"tea\", \"quantity\": 1}", 200)]
    [InlineData("/orders", "{\"name\": \"tea\", \"quantity\": 1}", 400)]
    [InlineData("/orders?tenant=t1", "{\"name\": \"tea\"}", 400)]
    public async Task Validators_and_models_imported_from_openapi_are_enforced(string path, string body, int status)
    {
        var apiId = await DeployAsync(Api($$"""
              /orders:
                post:
                  x-amazon-apigateway-request-validator: all
                  parameters:
                    - name: tenant
                      in: query
                      required: true
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: "#/components/schemas/Order"
            {{Mock("post", """{"ok": true}""").Split('\n', 2)[1]}}
            x-amazon-apigateway-request-validators:
              all:
                validateRequestBody: true
                validateRequestParameters: true
            components:
              schemas:
                Order:
                  type: object
                  required: [name, quantity]
            """));

        var answer = await CallAsync("POST", InvokeUrl(apiId, path), body);

        Assert.Equal(status, answer.Status);
    }

    private async Task<string> DeployValidatedAsync(bool validateBody, bool validateParameters)
    {
        var apiId = await DeployAsync(Api($"""
              /orders:
            {Mock("post", """{"ok": true}""")}
            """));
        await Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Address", contentType = "application/json", schema = AddressSchema });
        await Client.InvokeAsync("CreateModel", new { restApiId = apiId, name = "Order", contentType = "application/json", schema = OrderSchema });
        var validator = await Client.InvokeAsync("CreateRequestValidator", new { restApiId = apiId, name = "check", validateRequestBody = validateBody, validateRequestParameters = validateParameters });
        await MethodSetup.PatchAndRedeployAsync(
            Client,
            apiId,
            "/orders",
            "POST",
            ("replace", "/requestValidatorId", validator.Id),
            ("add", "/requestModels/application~1json", "Order"),
            ("add", "/requestParameters/method.request.querystring.tenant", "true"),
            ("add", "/requestParameters/method.request.header.X-Trace", "true"),
            ("add", "/requestParameters/method.request.querystring.optional", "false"));
        return apiId;
    }
}
