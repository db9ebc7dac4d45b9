using System.Text.Json.Nodes;
using Petard.CodeFirst;
using Petard.Workflows;
using Xunit;
using static Petard.Core.Tests.CodeFirst.GeneratedDocument;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>Integrations by convention on generated documents: path parameters, greedy paths, Lambda URIs, overrides, kept integrations, and the error for operations left without one.</summary>
public class IntegrationOverlayTests
{
    private const string Region = "eu-west-1";

    private static int Apply(JsonObject document, ImportSpec spec, bool requireAll = true) =>
        new IntegrationOverlay(spec, "WebApp.json", Region, NullPetardLog.Instance).Apply(document, requireAll);

    private static JsonNode Integration(JsonObject document, string path, string method) => At(document, $"#/paths/{path.Replace("/", "~1", StringComparison.Ordinal)}/{method}/x-amazon-apigateway-integration");

    [Fact]
    public void Http_proxy_forwards_each_operation_to_its_path_on_the_backend_with_its_path_parameters_mapped()
    {
        var document = Orders();

        var added = Apply(document, new ImportSpec { IntegrationType = "http_proxy", IntegrationUri = "http://${stageVariables.backend}:5000/" });

        Assert.Equal(4, added);
        Assert.Equal(
            """{"type":"http_proxy","httpMethod":"DELETE","uri":"http://${stageVariables.backend}:5000/orders/{id}/lines/{line}","passthroughBehavior":"when_no_match","requestParameters":{"integration.request.path.id":"method.request.path.id","integration.request.path.line":"method.request.path.line"}}""",
            Integration(document, "/orders/{id}/lines/{line}", "delete").ToJsonString());
        Assert.Equal("http://${stageVariables.backend}:5000/orders", Integration(document, "/orders", "post")["uri"]!.GetValue<string>());
        Assert.Equal("{}", Integration(document, "/orders", "post")["requestParameters"]!.ToJsonString());
    }

    [Fact]
    public void A_greedy_path_maps_its_parameter_and_an_undeclared_path_parameter_is_declared()
    {
        var document = Parse("""
            { "openapi": "3.0.1", "info": { "title": "t", "version": "1" },
              "paths": { "/files/{proxy+}": { "x-amazon-apigateway-any-method": { "responses": { "200": { "description": "OK" } } } } } }
            """);

        Apply(document, new ImportSpec { IntegrationType = "http_proxy", IntegrationUri = "https://files.example.com/store" });

        var integration = Integration(document, "/files/{proxy+}", "x-amazon-apigateway-any-method");
        Assert.Equal("ANY", integration["httpMethod"]!.GetValue<string>());
        Assert.Equal("https://files.example.com/store/files/{proxy}", integration["uri"]!.GetValue<string>());
        Assert.Equal("""{"integration.request.path.proxy":"method.request.path.proxy"}""", integration["requestParameters"]!.ToJsonString());
        Assert.Equal(
            """[{"name":"proxy","in":"path","required":true,"schema":{"type":"string"}}]""",
            At(document, "#/paths/~1files~1{proxy+}/x-amazon-apigateway-any-method/parameters").ToJsonString());
    }

    [Fact]
    public void An_operation_setting_with_a_greedy_parameter_turns_the_catch_all_route_ASP_NET_Core_wrote_into_a_greedy_path()
    {
        var document = Orders(); // the app's route is files/{**path}; the generator wrote /files/{path}

        Apply(document, new ImportSpec { IntegrationType = "http_proxy", IntegrationUri = "https://orders.example.com", Integrations = [new OperationIntegration("GET /files/{path+}", null, null)] });

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/orders/{id}", "/orders", "/files/{path+}", "/orders/{id}/lines/{line}"], paths);
        var integration = Integration(document, "/files/{path+}", "get");
        Assert.Equal("https://orders.example.com/files/{path}", integration["uri"]!.GetValue<string>());
        Assert.Equal("""{"integration.request.path.path":"method.request.path.path"}""", integration["requestParameters"]!.ToJsonString());
        Assert.Equal("path", At(document, "#/paths/~1files~1{path+}/get/parameters/0/name").GetValue<string>()); // declared once, by the app
        Assert.Single(At(document, "#/paths/~1files~1{path+}/get/parameters").AsArray());
    }

    [Fact]
    public void A_path_parameter_declared_through_ref_is_not_declared_again()
    {
        var document = Parse("""
            { "openapi": "3.0.1", "info": { "title": "t", "version": "1" },
              "components": { "parameters": { "OrderId": { "$ref": "#/components/parameters/Id" }, "Id": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } } },
              "paths": { "/orders/{id}/lines/{line}": {
                "parameters": [ { "$ref": "#/components/parameters/OrderId" } ],
                "get": { "responses": { "200": { "description": "OK" } } } } } }
            """);

        Apply(document, new ImportSpec { IntegrationType = "http_proxy", IntegrationUri = "https://orders.example.com" });

        // id comes through a chain of two references on the path item; only line is added.
        Assert.Equal(
            """[{"name":"line","in":"path","required":true,"schema":{"type":"string"}}]""",
            At(document, "#/paths/~1orders~1{id}~1lines~1{line}/get/parameters").ToJsonString());
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-2:123456789012:function:orders", "arn:aws:apigateway:us-east-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-2:123456789012:function:orders/invocations")]
    [InlineData("orders", "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/orders/invocations")]
    [InlineData("orders:live", "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/orders:live/invocations")]
    [InlineData("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/orders/invocations", "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/orders/invocations")]
    public void Aws_proxy_invokes_the_Lambda_function_with_POST_in_its_region(string function, string uri)
    {
        var document = Orders();

        Apply(document, new ImportSpec { IntegrationType = "aws_proxy", IntegrationUri = function });

        var integration = Integration(document, "/orders/{id}", "get");
        Assert.Equal("aws_proxy", integration["type"]!.GetValue<string>());
        Assert.Equal("POST", integration["httpMethod"]!.GetValue<string>());
        Assert.Equal(uri, integration["uri"]!.GetValue<string>());
    }

    [Fact]
    public void A_per_operation_setting_overrides_the_default_and_an_existing_integration_is_kept()
    {
        var document = Orders();
        var own = new JsonObject { ["type"] = "http", ["httpMethod"] = "POST", ["uri"] = "https://legacy.example.com/orders" };
        At(document, "#/paths/~1orders/post").AsObject()["x-amazon-apigateway-integration"] = own;

        var added = Apply(document, new ImportSpec
        {
            IntegrationType = "http_proxy",
            IntegrationUri = "https://orders.example.com",
            Integrations = [new OperationIntegration("get /orders/{id}", "MOCK"), new OperationIntegration("DELETE /orders/{id}/lines/{line}", uri: "https://lines.example.com")],
        });

        Assert.Equal(3, added);
        Assert.Equal("mock", Integration(document, "/orders/{id}", "get")["type"]!.GetValue<string>());
        Assert.Equal("https://lines.example.com/orders/{id}/lines/{line}", Integration(document, "/orders/{id}/lines/{line}", "delete")["uri"]!.GetValue<string>());
        Assert.Equal("https://orders.example.com/files/{path}", Integration(document, "/files/{path}", "get")["uri"]!.GetValue<string>());
        Assert.Equal(own.ToJsonString(), Integration(document, "/orders", "post").ToJsonString());
    }

    [Fact]
    public void Operations_left_without_an_integration_are_PETARD1030_listing_them_and_both_fixes()
    {
        var document = Orders();

        var error = Assert.Throws<PetardException>(() => Apply(document, new ImportSpec { Integrations = [new OperationIntegration("GET /orders/{id}", "mock")] }));

        Assert.Equal(PetardErrorCodes.NoIntegration, error.Code);
        Assert.Equal(
            "3 operation(s) of WebApp.json have no integration, so API Gateway would refuse to deploy them: POST /orders, GET /files/{path}, DELETE /orders/{id}/lines/{line}. Either set IntegrationType (http_proxy, aws_proxy or mock) and IntegrationUri to give every operation one, or give each its own with Integrations (e.g. 'POST /orders' with a type and URI) or an x-amazon-apigateway-integration in the definition.",
            error.Message);
    }

    [Fact]
    public void Without_require_all_operations_may_stay_without_an_integration()
    {
        var document = Orders();

        Assert.Equal(0, Apply(document, new ImportSpec(), requireAll: false));
        Assert.DoesNotContain("x-amazon-apigateway-integration", document.ToJsonString(), StringComparison.Ordinal);
    }

    public static TheoryData<ImportSpec, string> BadSettings => new()
    {
        { new ImportSpec { IntegrationType = "lambda" }, "The integration type 'lambda' (every operation) is not one Petard builds" },
        { new ImportSpec { IntegrationType = "http_proxy" }, "The http_proxy integration (every operation) needs a URI" },
        { new ImportSpec { IntegrationType = "http_proxy", IntegrationUri = "orders.example.com" }, "The URI 'orders.example.com' of the http_proxy integration (every operation) is not valid" },
        { new ImportSpec { IntegrationType = "aws_proxy", IntegrationUri = "https://lambda.example.com" }, "The URI 'https://lambda.example.com' of the aws_proxy integration (every operation) is not valid" },
        { new ImportSpec { IntegrationType = "mock", Integrations = [new OperationIntegration("GET /order/{id}", "mock")] }, "'GET /order/{id}' in Integrations is not an operation of WebApp.json. Its operations: GET /orders/{id}, POST /orders, GET /files/{path}, DELETE /orders/{id}/lines/{line}." },
        { new ImportSpec { IntegrationType = "mock", Integrations = [new OperationIntegration("/orders", "mock")] }, "'/orders' in Integrations does not name an operation" },
        { new ImportSpec { IntegrationType = "mock", Integrations = [new OperationIntegration("POST /orders", "http_proxy")] }, "The http_proxy integration (POST /orders) needs a URI" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_integration_setting_is_PETARD1031_naming_it(ImportSpec spec, string message)
    {
        var error = Assert.Throws<PetardException>(() => Apply(Orders(), spec));

        Assert.Equal(PetardErrorCodes.InvalidIntegration, error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
