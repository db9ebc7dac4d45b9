using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// Import reads the API Gateway extensions (authorizers and security, request validators, gateway
/// responses, API key source, binary media types), export writes them back, and an import of the
/// export gives the same API; what the import does not read is a warning.
/// </summary>
public sealed class OpenApiExtensionTests : GatewayTestBase
{
    private const string AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Oas30 => """
        {"openapi": "3.0.1", "info": {"title": "Guarded", "version": "1"},
         "x-amazon-apigateway-api-key-source": "AUTHORIZER",
         "x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]},
         "x-amazon-apigateway-minimum-compression-size": 1024,
         "x-amazon-apigateway-endpoint-configuration": {"disableExecuteApiEndpoint": true},
         "x-amazon-apigateway-binary-media-types": ["image/png"],
         "x-amazon-apigateway-request-validators": {
           "all": {"validateRequestBody": true, "validateRequestParameters": true},
           "params": {"validateRequestBody": false, "validateRequestParameters": true}},
         "x-amazon-apigateway-request-validator": "params",
         "x-amazon-apigateway-gateway-responses": {
           "UNAUTHORIZED": {"statusCode": "401", "responseParameters": {"gatewayresponse.header.WWW-Authenticate": "'Bearer'"},
                            "responseTemplates": {"application/json": "{\"error\": $context.error.messageString}"}}},
         "paths": {
           "/admin": {
             "get": {
               "x-amazon-apigateway-auth": {"type": "AWS_IAM"},
               "responses": {"200": {"description": "ok"}},
               "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "responses": {"default": {"statusCode": "200"}}}}},
           "/orders": {
             "post": {
               "security": [{"tokens": []}, {"api_key": []}],
               "x-amazon-apigateway-request-validator": "all",
               "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
               "responses": {"200": {"description": "ok"}},
               "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "responses": {"default": {"statusCode": "200"}}}},
             "get": {
               "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}],
               "security": [{"lookup": []}],
               "responses": {"200": {"description": "ok"}},
               "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "responses": {"default": {"statusCode": "200"}}}}}},
         "components": {
           "schemas": {"Order": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}},
           "securitySchemes": {
             "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
             "tokens": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "custom",
               "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "AUTHORIZER_URI", "authorizerResultTtlInSeconds": 60, "identityValidationExpression": "^Bearer .+$"}},
             "lookup": {"type": "apiKey", "name": "Unused", "in": "header", "x-amazon-apigateway-authtype": "custom",
               "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "AUTHORIZER_URI", "identitySource": "method.request.header.X-Tenant, method.request.querystring.q", "authorizerResultTtlInSeconds": 0}}}}}
        """.Replace("AUTHORIZER_URI", AuthorizerUri, StringComparison.Ordinal);

    [Theory]
    [InlineData("oas30")]
    [InlineData("swagger")]
    public async Task Import_reads_every_extension_and_an_import_of_the_export_gives_the_same_api(string exportType)
    {
        var first = await Client.InvokeAsync("ImportRestApi", new { body = Oas30, failOnWarnings = true });
        var imported = await DescribeAsync(first.Id!);
        await Client.InvokeAsync("CreateDeployment", new { restApiId = first.Id, stageName = "dev" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = first.Id, stageName = "dev", exportType, parameters = new Dictionary<string, string> { ["extensions"] = "apigateway" } });
        var document = JsonNode.Parse(export.Body!.Value.Span)!.AsObject();
        document["info"]!["title"] = "Again";
        var second = await Client.InvokeAsync("ImportRestApi", new { body = document.ToJsonString(), failOnWarnings = true });

        Assert.Equal(imported.ToJsonString(), (await DescribeAsync(second.Id!)).ToJsonString());
        Assert.Equal("AUTHORIZER", imported["apiKeySource"]!.GetValue<string>());
        Assert.Equal("execute-api:Invoke", imported["policy"]!.GetValue<string>());
        Assert.Equal(1024, imported["minimumCompressionSize"]!.GetValue<int>());
        Assert.Equal("AWS_IAM", imported["admin"]!.GetValue<string>());
        Assert.True(imported["disableExecuteApiEndpoint"]!.GetValue<bool>());
        Assert.Equal("image/png", imported["binaryMediaTypes"]![0]!.GetValue<string>());
        Assert.Equal("""{"name":"tokens","type":"TOKEN","identitySource":"method.request.header.Authorization","identityValidationExpression":"^Bearer .+$","ttl":60}""", imported["authorizers"]![1]!.ToJsonString(Readable));
        Assert.Equal("method.request.header.X-Tenant, method.request.querystring.q", imported["authorizers"]![0]!["identitySource"]!.GetValue<string>());
        Assert.Equal("""{"all":"True/True","params":"False/True"}""", imported["validators"]!.ToJsonString());
        Assert.Equal("""{"type":"CUSTOM","authorizer":"tokens","apiKey":true,"validator":"all","models":{"application/json":"Order"},"parameters":null}""", imported["POST"]!.ToJsonString());
        Assert.Equal("""{"type":"CUSTOM","authorizer":"lookup","apiKey":false,"validator":"params","models":null,"parameters":{"method.request.querystring.q":true}}""", imported["GET"]!.ToJsonString());
        Assert.Equal("""{"statusCode":"401","header":"'Bearer'","template":"{\"error\": $context.error.messageString}"}""", imported["UNAUTHORIZED"]!.ToJsonString(Readable));
    }

    [Theory]
    [InlineData("""{"x-amazon-apigateway-cors": {"allowOrigins": ["*"]}}""", "x-amazon-apigateway-cors")]
    [InlineData("""{"components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {}}}}}""", "Unsupported security definition type 'oauth2' for 'oauth'. Ignoring.")]
    [InlineData("""{"x-amazon-apigateway-gateway-responses": {"NOT_A_TYPE": {"statusCode": "400"}}}""", "Invalid gateway response type 'NOT_A_TYPE'")]
    [InlineData("""{"x-amazon-apigateway-request-validator": "missing"}""", "The request validator 'missing' of GET /a")]
    [InlineData("""{"security": [{"nowhere": []}]}""", "The security requirement 'nowhere' of GET /a")]
    [InlineData("""{"x-amazon-apigateway-api-key-source": "COOKIE"}""", "Invalid x-amazon-apigateway-api-key-source 'COOKIE'")]
    public async Task What_the_import_does_not_read_is_a_warning_and_fails_with_failOnWarnings(string extra, string warning)
    {
        var definition = JsonNode.Parse("""{"openapi": "3.0.1", "info": {"title": "Warned", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}""")!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            definition[key] = value?.DeepClone();
        }

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = definition.ToJsonString(), failOnWarnings = true }));
        var imported = await Client.InvokeAsync("ImportRestApi", new { body = definition.ToJsonString() });

        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Contains(warning, refused.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains(imported["warnings"].EnumerateArray(), w => w.GetString()!.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_documentation_extension_imports_documentation_parts_without_a_warning()
    {
        const string body = """
            {"openapi": "3.0.1", "info": {"title": "Documented", "version": "1"},
             "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok"}}}}},
             "x-amazon-apigateway-documentation": {"version": "1.0", "documentationParts": [
               {"location": {"type": "API"}, "properties": {"description": "The pet store"}},
               {"location": {"type": "METHOD", "path": "/pets", "method": "GET"}, "properties": {"summary": "List pets"}}]}}
            """;

        var api = await Client.InvokeAsync("ImportRestApi", new { body, failOnWarnings = true });

        Assert.False(api.Has("warnings"));
        var parts = (await Client.InvokeAsync("GetDocumentationParts", new { restApiId = api.Id })).Items;
        Assert.Equal(["API", "METHOD"], parts.Select(p => p["location"].GetProperty("type").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(parts, p => p.GetString("properties") == """{"summary":"List pets"}""");
    }

    [Theory]
    [InlineData("""{"x-amazon-apigateway-request-validators": []}""", "x-amazon-apigateway-request-validators")]
    [InlineData("""{"x-amazon-apigateway-gateway-responses": "none"}""", "x-amazon-apigateway-gateway-responses")]
    [InlineData("""{"components": {"securitySchemes": {"a": {"type": "apiKey", "x-amazon-apigateway-authorizer": "token"}}}}""", "securitySchemes.a.x-amazon-apigateway-authorizer")]
    [InlineData("""{"security": {"a": []}}""", "'security' must be an array")]
    public async Task An_extension_of_the_wrong_shape_is_refused_naming_it(string extra, string named)
    {
        var definition = JsonNode.Parse("""{"openapi": "3.0.1", "info": {"title": "Bad", "version": "1"}, "paths": {}}""")!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            definition[key] = value?.DeepClone();
        }

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = definition.ToJsonString() }));

        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Contains(named, refused.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task Overwrite_replaces_the_authorizers_validators_and_gateway_responses_and_merge_keeps_them()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Oas30 });
        const string bare = """{"openapi": "3.0.1", "info": {"title": "Bare", "version": "1"}, "paths": {"/b": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

        await Client.InvokeAsync("PutRestApi", new { restApiId = api.Id, body = bare, mode = "merge" });
        var merged = await DescribeAsync(api.Id!);
        await Client.InvokeAsync("PutRestApi", new { restApiId = api.Id, body = bare, mode = "overwrite" });
        var overwritten = await DescribeAsync(api.Id!);

        Assert.Equal(2, merged["authorizers"]!.AsArray().Count);
        Assert.Equal(2, merged["validators"]!.AsObject().Count);
        Assert.Empty(overwritten["authorizers"]!.AsArray());
        Assert.Empty(overwritten["validators"]!.AsObject());
        Assert.Null(overwritten["UNAUTHORIZED"]);
    }

    // What the control plane answers about the API's extensions, without ids, in a comparable shape.
    private async Task<JsonObject> DescribeAsync(string restApiId)
    {
        var api = await Client.InvokeAsync("GetRestApi", new { restApiId });
        var authorizers = (await Client.InvokeAsync("GetAuthorizers", new { restApiId })).Items.OrderBy(a => a.GetString("name"), StringComparer.Ordinal).ToList();
        var validators = (await Client.InvokeAsync("GetRequestValidators", new { restApiId })).Items;
        var result = new JsonObject
        {
            ["apiKeySource"] = api.GetString("apiKeySource"),
            ["policy"] = api.GetString("policy") is { } policy ? JsonNode.Parse(policy)!["Statement"]![0]!["Action"]!.GetValue<string>() : null,
            ["minimumCompressionSize"] = api.Has("minimumCompressionSize") ? api["minimumCompressionSize"].GetInt32() : null,
            ["disableExecuteApiEndpoint"] = api["disableExecuteApiEndpoint"].GetBoolean(),
            ["binaryMediaTypes"] = api.Has("binaryMediaTypes") ? JsonNode.Parse(api["binaryMediaTypes"].GetRawText()) : null,
            ["authorizers"] = new JsonArray(authorizers.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.GetString("name"),
                ["type"] = a.GetString("type"),
                ["identitySource"] = a.GetString("identitySource"),
                ["identityValidationExpression"] = a.GetString("identityValidationExpression"),
                ["ttl"] = a.Has("authorizerResultTtlInSeconds") ? a["authorizerResultTtlInSeconds"].GetInt32() : null,
            }).ToArray()),
            ["validators"] = new JsonObject(validators.OrderBy(v => v.GetString("name"), StringComparer.Ordinal).Select(v => KeyValuePair.Create(
                v.GetString("name")!, (JsonNode?)$"{v["validateRequestBody"].GetBoolean()}/{v["validateRequestParameters"].GetBoolean()}"))),
        };
        var resources = (await Client.InvokeAsync("GetResources", new { restApiId })).Items;
        if (resources.FirstOrDefault(r => r.GetString("path") == "/orders") is { } orders)
        {
            foreach (var httpMethod in new[] { "POST", "GET" })
            {
                var method = await Client.InvokeAsync("GetMethod", new { restApiId, resourceId = orders.Id, httpMethod });
                result[httpMethod] = new JsonObject
                {
                    ["type"] = method.GetString("authorizationType"),
                    ["authorizer"] = authorizers.FirstOrDefault(a => a.Id == method.GetString("authorizerId"))?.GetString("name"),
                    ["apiKey"] = method["apiKeyRequired"].GetBoolean(),
                    ["validator"] = validators.FirstOrDefault(v => v.Id == method.GetString("requestValidatorId"))?.GetString("name"),
                    ["models"] = method.Has("requestModels") ? JsonNode.Parse(method["requestModels"].GetRawText()) : null,
                    ["parameters"] = method.Has("requestParameters") ? JsonNode.Parse(method["requestParameters"].GetRawText()) : null,
                };
            }
        }

        if (resources.FirstOrDefault(r => r.GetString("path") == "/admin") is { } admin)
        {
            result["admin"] = (await Client.InvokeAsync("GetMethod", new { restApiId, resourceId = admin.Id, httpMethod = "GET" })).GetString("authorizationType");
        }

        var unauthorized = await Client.InvokeAsync("GetGatewayResponse", new { restApiId, responseType = "UNAUTHORIZED" });
        if (!unauthorized["defaultResponse"].GetBoolean())
        {
            result["UNAUTHORIZED"] = new JsonObject
            {
                ["statusCode"] = unauthorized.GetString("statusCode"),
                ["header"] = unauthorized["responseParameters"].GetProperty("gatewayresponse.header.WWW-Authenticate").GetString(),
                ["template"] = unauthorized["responseTemplates"].GetProperty("application/json").GetString(),
            };
        }

        return result;
    }
}
