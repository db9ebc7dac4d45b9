using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// What ImportRestApi and PutRestApi refuse, and the warnings they report, in the service's words:
/// "Invalid OpenAPI input." for what does not parse, "Warnings found during import:" with
/// failOnWarnings. The expected warnings are the service's own for the same input (its answers as
/// recorded by users and by LocalStack's snapshots of AWS, and the documentation's "missing model
/// reference" example).
/// </summary>
public sealed class ImportRefusalTests : GatewayTestBase
{
    private const string Valid = """{"openapi": "3.0.1", "info": {"title": "Valid", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

    [Theory]
    [InlineData("{'key:value}")]
    [InlineData("test:\n    value:\n        - \"value ... \\\"escaped\\\": $var, \\\"dt\\\": $(var +\"%a\")}\\\"\n")]
    [InlineData("[\"a list\"]")]
    [InlineData("title: no version marker")]
    public async Task A_document_that_is_not_OpenAPI_is_Invalid_OpenAPI_input_for_import_and_put(string body)
    {
        var apiId = await CreateApiAsync();
        var before = Gateway.Snapshot().ToJsonString();

        var imported = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body }));
        var put = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = apiId, body }));
        var putUnknown = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = "nosuchapi0", body }));

        foreach (var error in new[] { imported, put, putUnknown })
        {
            Assert.Equal("BadRequestException", error.ErrorType);
            Assert.Equal("Invalid OpenAPI input.", error.ServiceMessage);
        }

        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }

    [Theory]
    [InlineData("""{"openapi": "2.0.0", "info": {"title": "T", "version": "1"}, "paths": {}}""", "'openapi' is '2.0.0'")]
    [InlineData("""{"openapi": "1.0", "info": {"title": "T", "version": "1"}, "paths": {}}""", "'openapi' is '1.0'")]
    [InlineData("""{"openapi": ["3.0.1"], "info": {"title": "T", "version": "1"}, "paths": {}}""", "'openapi' is '[\"3.0.1\"]'")]
    [InlineData("""{"swagger": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {}}""", "'swagger' is '3.0.1'")]
    [InlineData("""{"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {"/a": "get"}}""", "the path '/a' must be an object")]
    [InlineData("""{"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {"/a": ["get"]}}""", "the path '/a' must be an object")]
    public async Task A_version_API_Gateway_does_not_import_or_a_path_item_that_is_not_a_map_is_refused(string body, string named)
    {
        var apiId = await CreateApiAsync();
        var before = Gateway.Snapshot().ToJsonString();

        var imported = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body }));
        var put = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = apiId, body, mode = "overwrite" }));

        foreach (var error in new[] { imported, put })
        {
            Assert.Equal("BadRequestException", error.ErrorType);
            Assert.StartsWith("Invalid OpenAPI input: ", error.ServiceMessage, StringComparison.Ordinal);
            Assert.Contains(named, error.ServiceMessage, StringComparison.Ordinal);
        }

        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }

    [Theory]
    [InlineData("swagger: 2.0\ninfo: {title: Unquoted, version: '1'}\npaths: {}\n")]
    [InlineData("openapi: 3.0\ninfo: {title: Unquoted, version: '1'}\npaths: {}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: Newer, version: '1'}\npaths: {}\n")]
    public async Task Versions_API_Gateway_imports_are_accepted_however_YAML_writes_them(string body)
    {
        var imported = await Client.InvokeAsync("ImportRestApi", new { body, failOnWarnings = true });

        Assert.NotNull(imported.Id);
    }

    [Fact]
    public async Task A_document_without_paths_imports_with_the_parsers_warning_and_with_failOnWarnings_is_refused()
    {
        const string noPaths = """{"openapi": "3.0.0", "info": {"title": "doc", "description": "description", "version": "1"}, "paaths": {"/": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = noPaths, failOnWarnings = true }));
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
        var apiId = await CreateApiAsync();
        var putRefused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = apiId, body = noPaths, failOnWarnings = true }));
        var imported = await Client.InvokeAsync("ImportRestApi", new { body = noPaths });

        const string expected = "Warnings found during import:\n\tParse issue: attribute paaths is unexpected\n\tParse issue: attribute paths is missing";
        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Equal(expected, refused.ServiceMessage);
        Assert.Equal(expected, putRefused.ServiceMessage);
        Assert.Equal(["Parse issue: attribute paaths is unexpected", "Parse issue: attribute paths is missing"], imported["warnings"].EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(["/"], (await Client.InvokeAsync("GetResources", new { restApiId = imported.Id })).Items.Select(r => r.GetString("path")));
        Assert.Null((await Client.InvokeAsync("GetRestApi", new { restApiId = apiId })).GetString("description")); // the refused put changed nothing
    }

    /// <summary>Inputs whose warnings the service is known to word so, each applied to <see cref="Valid"/>.</summary>
    public static TheoryData<string, string> ServiceWarnings => new()
    {
        // AWS answer to a Swagger-era OAS 3 document with OAuth 2 and HTTP basic schemes.
        { """{"components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {}}}}}""", "Unsupported security definition type 'oauth2' for 'oauth'. Ignoring." },
        { """{"components": {"securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}}}}""", "Unsupported security definition type 'http' for 'basicAuth'. Ignoring." },

        // AWS answer (recorded by LocalStack) to an integration request parameter written as a boolean.
        { """{"paths": {"/test": {"get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock", "requestParameters": {"integration.request.header.nothing": true}}}}}}""", "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'" },

        // AWS answer to an OAS 3 document with two servers.
        { """{"servers": [{"url": "https://a.example.com"}, {"url": "https://b.example.com"}]}""", "More than one server provided. Ignoring all but the first for defining endpoint configuration" },

        // The documentation's example of a warning: a missing model reference, worded as the service's parser words it.
        { """{"paths": {"/update": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelThatDoesNotExist"}}}}}}}}}""", "Parse issue: attribute paths.'/update'(get).responses.200.content.schema.#/components/schemas/ModelThatDoesNotExist is missing" },
    };

    [Theory]
    [MemberData(nameof(ServiceWarnings))]
    public async Task The_import_reports_the_services_warning_and_failOnWarnings_refuses_with_it(string extra, string warning)
    {
        var definition = JsonNode.Parse(Valid)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            definition[key] = value?.DeepClone();
        }

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body = definition.ToJsonString(), failOnWarnings = true }));
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
        var imported = await Client.InvokeAsync("ImportRestApi", new { body = definition.ToJsonString() });

        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Equal("Warnings found during import:\n\t" + warning, refused.ServiceMessage);
        Assert.Equal([warning], imported["warnings"].EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Integrations_the_service_cannot_put_are_listed_as_import_errors_and_nothing_is_created()
    {
        const string body = """
            {"openapi": "3.0.1", "info": {"title": "Broken", "version": "1"},
             "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "lambda"}},
                              "post": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"uri": "https://example.com"}}}}}
            """;

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body }));

        Assert.Equal("BadRequestException", error.ErrorType);
        var lines = error.ServiceMessage!.Split("\n\t");
        Assert.Equal("Errors found during import:", lines[0]);
        Assert.StartsWith("Unable to put integration on 'GET' for resource at path '/a': 1 validation error detected: Value 'lambda' at 'putIntegrationInput.type'", lines[1], StringComparison.Ordinal);
        Assert.Equal("Unable to put integration on 'POST' for resource at path '/a': Enumeration value for IntegrationType must be non-empty", lines[2]);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task Integrations_PutIntegration_would_refuse_are_import_errors_in_its_words()
    {
        const string body = """
            {"openapi": "3.0.1", "info": {"title": "Proxy", "version": "1"},
             "paths": {"/": {"get": {"responses": {"200": {"description": "ok"}},
                                      "x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": "example.com/no-scheme"}}},
                       "/fn": {"post": {"responses": {"200": {"description": "ok"}},
                                         "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": "arn:aws:lambda:us-east-1:123456789012:function:f"}}}}}
            """;

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("ImportRestApi", new { body }));

        Assert.Equal("BadRequestException", error.ErrorType);
        var lines = error.ServiceMessage!.Split("\n\t");
        Assert.Equal("Errors found during import:", lines[0]);
        Assert.Contains("Unable to put integration on 'GET' for resource at path '/': Invalid HTTP endpoint specified for URI", lines);
        Assert.Contains(lines, l => l.StartsWith("Unable to put integration on 'POST' for resource at path '/fn': ", StringComparison.Ordinal));
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task A_missing_request_model_is_a_warning_and_the_method_gets_no_model()
    {
        const string body = """
            {"openapi": "3.0.1", "info": {"title": "Orders", "version": "1"},
             "paths": {"/orders": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                                            "responses": {"200": {"description": "ok"}}}}}}
            """;

        var imported = await Client.InvokeAsync("ImportRestApi", new { body });

        Assert.Equal(["Parse issue: attribute paths.'/orders'(post).requestBody.content.application/json.schema.#/components/schemas/Order is missing"], imported["warnings"].EnumerateArray().Select(w => w.GetString()));
        var orders = (await Client.InvokeAsync("GetResources", new { restApiId = imported.Id })).Items.Single(r => r.GetString("path") == "/orders");
        var method = await Client.InvokeAsync("GetMethod", new { restApiId = imported.Id, resourceId = orders.Id, httpMethod = "POST" });
        Assert.False(method.Has("requestModels"));
    }

    [Theory]
    [InlineData("""{"200": "ok"}""")]
    [InlineData("""{"200": {"description": "ok", "content": {"application/json": "Pet"}}}""")]
    [InlineData("""{"200": {"description": "ok", "content": {"application/json": {"schema": "Pet"}}}}""")]
    public async Task Responses_of_an_odd_shape_do_not_break_the_import(string responses)
    {
        var body = """{"openapi": "3.0.1", "info": {"title": "Odd", "version": "1"}, "paths": {"/a": {"get": {"responses": RESPONSES, "requestBody": {"content": {"application/json": "Pet"}}}}}}"""
            .Replace("RESPONSES", responses, StringComparison.Ordinal);

        var imported = await Client.InvokeAsync("ImportRestApi", new { body });

        Assert.NotNull(imported.Id);
    }

    [Fact]
    public async Task PutRestApi_failing_on_warnings_leaves_the_api_as_it_was()
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = Valid });
        var before = Gateway.Snapshot().ToJsonString();
        const string warned = """{"openapi": "3.0.1", "info": {"title": "Valid", "version": "2"}, "servers": [{"url": "https://a"}, {"url": "https://b"}], "paths": {"/b": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

        var refused = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutRestApi", new { restApiId = api.Id, body = warned, mode = "overwrite", failOnWarnings = true }));

        Assert.StartsWith("Warnings found during import:\n\t", refused.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
    }
}
