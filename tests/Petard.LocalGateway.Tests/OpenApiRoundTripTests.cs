using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// Import → export → import, one API Gateway extension at a time: the export carries the extension
/// back, and the import of the export gives the same API as the first import (everything the
/// control plane answers about it, ids aside).
/// </summary>
public sealed class OpenApiRoundTripTests : GatewayTestBase
{
    private const string AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    /// <summary>Each case: the extension's name, what it adds to a one-method document, and where the export must carry it.</summary>
    public static TheoryData<string, string, string> Extensions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var exportType in new[] { "oas30", "swagger" })
        {
            data.Add(exportType, "authorizer", """
                {"securitySchemes": {"tokens": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "custom",
                   "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "AUTHORIZER_URI", "authorizerResultTtlInSeconds": 120, "identityValidationExpression": "^Bearer .+$"}}},
                 "security": [{"tokens": []}]}
                """);
            data.Add(exportType, "request-validators", """
                {"x-amazon-apigateway-request-validators": {"all": {"validateRequestBody": true, "validateRequestParameters": true}, "params": {"validateRequestBody": false, "validateRequestParameters": true}},
                 "x-amazon-apigateway-request-validator": "params", "operation": {"x-amazon-apigateway-request-validator": "all"}}
                """);
            data.Add(exportType, "gateway-responses", """
                {"x-amazon-apigateway-gateway-responses": {"UNAUTHORIZED": {"statusCode": "401", "responseParameters": {"gatewayresponse.header.WWW-Authenticate": "'Bearer'"}, "responseTemplates": {"application/json": "{\"message\": $context.error.messageString}"}},
                                                           "DEFAULT_5XX": {"responseTemplates": {"application/json": "{\"oops\": true}"}}}}
                """);
            data.Add(exportType, "api-key-source", """{"x-amazon-apigateway-api-key-source": "AUTHORIZER"}""");
            data.Add(exportType, "binary-media-types", """{"x-amazon-apigateway-binary-media-types": ["image/png", "application/octet-stream"]}""");
            data.Add(exportType, "integration", """
                {"operation": {"x-amazon-apigateway-integration": {"type": "http", "httpMethod": "POST", "uri": "https://backend.example.com/items/{id}",
                   "passthroughBehavior": "when_no_templates", "timeoutInMillis": 5000, "contentHandling": "CONVERT_TO_TEXT",
                   "requestParameters": {"integration.request.path.id": "method.request.path.id", "integration.request.header.X-Trace": "'fixed'"},
                   "requestTemplates": {"application/json": "{\"id\": \"$input.params('id')\"}"},
                   "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": "$input.json('$')"}},
                                 "4\\d{2}": {"statusCode": "400", "responseParameters": {"method.response.header.X-Error": "integration.response.header.X-Error"}}}}}}
                """);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public async Task The_export_carries_the_extension_and_its_import_gives_the_same_api(string exportType, string extension, string addition)
    {
        var first = await Client.InvokeAsync("ImportRestApi", new { body = Document(addition, exportType).ToJsonString(), failOnWarnings = true });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = first.Id, stageName = "dev" });

        var export = await Client.InvokeAsync("GetExport", new { restApiId = first.Id, stageName = "dev", exportType, parameters = new Dictionary<string, string> { ["extensions"] = "apigateway" } });
        var exported = JsonNode.Parse(export.Body!.Value.Span)!.AsObject();
        AssertCarries(exported, extension, exportType);
        var second = await Client.InvokeAsync("ImportRestApi", new { body = exported.ToJsonString(), failOnWarnings = true });

        Assert.Equal((await ApiState.ReadAsync(Client, first.Id!)).ToJsonString(), (await ApiState.ReadAsync(Client, second.Id!)).ToJsonString());
    }

    // A document with one method, PUT /items/{id}, plus the case's addition: document-level keys,
    // "securitySchemes" (placed where the version keeps them) and "operation" (merged into the method).
    private static JsonObject Document(string addition, string version)
    {
        var operation = new JsonObject
        {
            ["parameters"] = JsonNode.Parse(version == "oas30"
                ? """[{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]"""
                : """[{"name": "id", "in": "path", "required": true, "type": "string"}]"""),
            ["responses"] = JsonNode.Parse("""{"200": {"description": "ok"}}"""),
            ["x-amazon-apigateway-integration"] = JsonNode.Parse("""{"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "responses": {"default": {"statusCode": "200"}}}"""),
        };
        var document = new JsonObject
        {
            [version == "oas30" ? "openapi" : "swagger"] = version == "oas30" ? "3.0.1" : "2.0",
            ["info"] = new JsonObject { ["title"] = "RoundTrip", ["version"] = "1.0" },
            ["paths"] = new JsonObject { ["/items/{id}"] = new JsonObject { ["put"] = operation } },
        };
        foreach (var (key, value) in JsonNode.Parse(addition.Replace("AUTHORIZER_URI", AuthorizerUri, StringComparison.Ordinal))!.AsObject())
        {
            switch (key)
            {
                case "operation":
                    foreach (var (name, member) in value!.AsObject())
                    {
                        operation[name] = member?.DeepClone();
                    }

                    break;
                case "securitySchemes" when version == "oas30":
                    document["components"] = new JsonObject { ["securitySchemes"] = value?.DeepClone() };
                    break;
                case "securitySchemes":
                    document["securityDefinitions"] = value?.DeepClone();
                    break;
                default:
                    document[key] = value?.DeepClone();
                    break;
            }
        }

        return document;
    }

    private static void AssertCarries(JsonObject exported, string extension, string exportType)
    {
        var put = exported["paths"]!["/items/{id}"]!["put"]!;
        switch (extension)
        {
            case "authorizer":
                var schemes = exportType == "oas30" ? exported["components"]!["securitySchemes"]! : exported["securityDefinitions"]!;
                Assert.Equal("token", schemes["tokens"]!["x-amazon-apigateway-authorizer"]!["type"]!.GetValue<string>());
                Assert.Equal(AuthorizerUri, schemes["tokens"]!["x-amazon-apigateway-authorizer"]!["authorizerUri"]!.GetValue<string>());
                Assert.Equal("""[{"tokens":[]}]""", put["security"]!.ToJsonString());
                break;
            case "request-validators":
                Assert.True(exported["x-amazon-apigateway-request-validators"]!["all"]!["validateRequestBody"]!.GetValue<bool>());
                Assert.Equal("all", put["x-amazon-apigateway-request-validator"]!.GetValue<string>());
                break;
            case "gateway-responses":
                Assert.Equal("401", exported["x-amazon-apigateway-gateway-responses"]!["UNAUTHORIZED"]!["statusCode"]!.GetValue<string>());
                Assert.NotNull(exported["x-amazon-apigateway-gateway-responses"]!["DEFAULT_5XX"]);
                break;
            case "api-key-source":
                Assert.Equal("AUTHORIZER", exported["x-amazon-apigateway-api-key-source"]!.GetValue<string>());
                break;
            case "binary-media-types":
                Assert.Equal("""["image/png","application/octet-stream"]""", exported["x-amazon-apigateway-binary-media-types"]!.ToJsonString());
                break;
            case "integration":
                var integration = put["x-amazon-apigateway-integration"]!;
                Assert.Equal("http", integration["type"]!.GetValue<string>());
                Assert.Equal("https://backend.example.com/items/{id}", integration["uri"]!.GetValue<string>());
                Assert.Equal("400", integration["responses"]!["4\\d{2}"]!["statusCode"]!.GetValue<string>());
                break;
            default:
                Assert.Fail($"no expectation for {extension}");
                break;
        }
    }
}
