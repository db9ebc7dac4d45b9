using System.Text.Json.Nodes;
using Petard.CodeFirst;
using Xunit;
using static Petard.Core.Tests.CodeFirst.GeneratedDocument;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>OpenAPI 3.1 (what ASP.NET Core 10 generates) to 3.0 (what API Gateway imports): what is rewritten, and what is reported as dropped.</summary>
public class OpenApi31ConverterTests
{
    [Fact]
    public void A_generated_document_converts_to_3_0_without_loss()
    {
        var document = Orders();

        var losses = OpenApi31Converter.Convert(document);

        Assert.Empty(losses);
        Assert.Equal("3.0.3", document["openapi"]!.GetValue<string>());
        var note = At(document, "#/components/schemas/Order/properties/note");
        Assert.Equal("""{"nullable":true,"type":"string"}""", note.ToJsonString());
        // ASP.NET Core's [integer, string] with a digits pattern is a number that may also be read from a string: 3.0's integer.
        var id = At(document, "#/paths/~1orders~1{id}/get/parameters/0/schema");
        Assert.Equal("""{"format":"int32","type":"integer"}""", id.ToJsonString());
        Assert.DoesNotContain("\"null\"", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructs_3_0_can_say_another_way_are_rewritten()
    {
        var document = Parse("""
            { "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "Kind": { "const": "order", "examples": ["order", "other"] },
                "Qty": { "type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 100 },
                "Maybe": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Kind" } ] },
                "Either": { "type": ["string", "boolean"] },
                "Described": { "$ref": "#/components/schemas/Kind", "description": "the kind" } } } }
            """);

        var losses = OpenApi31Converter.Convert(document);

        Assert.Empty(losses);
        Assert.Equal("""{"enum":["order"],"example":"order"}""", At(document, "#/components/schemas/Kind").ToJsonString());
        Assert.Equal("""{"type":"integer","exclusiveMinimum":true,"exclusiveMaximum":true,"minimum":0,"maximum":100}""", At(document, "#/components/schemas/Qty").ToJsonString());
        Assert.Equal("""{"nullable":true,"allOf":[{"$ref":"#/components/schemas/Kind"}]}""", At(document, "#/components/schemas/Maybe").ToJsonString());
        Assert.Equal("""{"anyOf":[{"type":"string"},{"type":"boolean"}]}""", At(document, "#/components/schemas/Either").ToJsonString());
        Assert.Equal("""{"description":"the kind","allOf":[{"$ref":"#/components/schemas/Kind"}]}""", At(document, "#/components/schemas/Described").ToJsonString());
        Assert.Equal("{}", document["paths"]!.ToJsonString()); // 3.1 may leave paths out; 3.0 requires them
    }

    [Fact]
    public void What_3_0_cannot_say_is_dropped_and_reported_with_its_location()
    {
        var document = Parse("""
            { "openapi": "3.1.0", "info": { "title": "t", "version": "1", "summary": "short" },
              "webhooks": { "newOrder": {} },
              "paths": { "/points": { "post": { "requestBody": { "content": { "application/json": { "schema": {
                  "type": "array", "prefixItems": [ { "type": "number" }, { "type": "number" } ], "$comment": "a pair" } } } } } } },
              "components": { "schemas": { "Nothing": { "type": "null" } } } }
            """);

        var losses = OpenApi31Converter.Convert(document);

        Assert.Equal(
            [
                new ConversionLoss("webhooks", "#/webhooks"),
                new ConversionLoss("the API's summary (info.summary)", "#/info/summary"),
                new ConversionLoss("tuple items (prefixItems)", "#/paths/~1points/post/requestBody/content/application~1json/schema/prefixItems"),
                new ConversionLoss("schemas whose only type is null", "#/components/schemas/Nothing"),
            ],
            losses);
        Assert.DoesNotContain("prefixItems", document.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("$comment", document.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(document["webhooks"]);
    }

    [Theory]
    [InlineData("3.0.1", false)]
    [InlineData("3.1.0", true)]
    [InlineData("3.1.1", true)]
    public void Only_3_1_documents_are_converted(string version, bool converted) =>
        Assert.Equal(converted, OpenApi31Converter.Applies(new JsonObject { ["openapi"] = version }));
}
