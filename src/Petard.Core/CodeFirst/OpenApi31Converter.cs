using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.CodeFirst;

/// <summary>
/// Rewrites an OpenAPI 3.1 definition (what ASP.NET Core 10 generates) as 3.0, the newest version API
/// Gateway imports. What 3.0 can say another way is rewritten (type lists with "null" become
/// <c>nullable</c>, <c>const</c> an <c>enum</c>, numeric <c>exclusiveMinimum</c> the 3.0 pair); what it
/// cannot say is dropped and reported as a <see cref="ConversionLoss"/>.
/// </summary>
internal sealed class OpenApi31Converter
{
    /// <summary>The version written: the last 3.0 release.</summary>
    public const string TargetVersion = "3.0.3";

    // JSON Schema 2020-12 keywords with no OpenAPI 3.0 equivalent, and what losing each means.
    private static readonly Dictionary<string, string> DroppedKeywords = new(StringComparer.Ordinal)
    {
        ["$id"] = "schema ids ($id)",
        ["$anchor"] = "schema anchors ($anchor)",
        ["$dynamicRef"] = "dynamic references ($dynamicRef)",
        ["$dynamicAnchor"] = "dynamic anchors ($dynamicAnchor)",
        ["$defs"] = "local schema definitions ($defs)",
        ["$vocabulary"] = "schema vocabularies ($vocabulary)",
        ["if"] = "conditional schemas (if/then/else)",
        ["then"] = "conditional schemas (if/then/else)",
        ["else"] = "conditional schemas (if/then/else)",
        ["dependentSchemas"] = "dependentSchemas",
        ["dependentRequired"] = "dependentRequired",
        ["prefixItems"] = "tuple items (prefixItems)",
        ["unevaluatedProperties"] = "unevaluatedProperties",
        ["unevaluatedItems"] = "unevaluatedItems",
        ["patternProperties"] = "patternProperties",
        ["propertyNames"] = "propertyNames",
        ["contains"] = "contains/minContains/maxContains",
        ["minContains"] = "contains/minContains/maxContains",
        ["maxContains"] = "contains/minContains/maxContains",
        ["contentEncoding"] = "contentEncoding/contentMediaType/contentSchema",
        ["contentMediaType"] = "contentEncoding/contentMediaType/contentSchema",
        ["contentSchema"] = "contentEncoding/contentMediaType/contentSchema",
    };

    // Annotations 3.0 does not have that say nothing a reader of the API needs.
    private static readonly string[] QuietlyDropped = ["$schema", "$comment"];

    private static readonly string[] SubSchemaLists = ["allOf", "anyOf", "oneOf"];

    private static readonly string[] Operations = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly List<ConversionLoss> losses = [];

    private OpenApi31Converter()
    {
    }

    /// <summary>Whether the definition is OpenAPI 3.1 (or later), so it needs converting.</summary>
    public static bool Applies(JsonObject root) =>
        root["openapi"] is JsonValue version && version.TryGetValue<string>(out var text) && Version.TryParse(text, out var parsed) && parsed >= new Version(3, 1);

    /// <summary>Converts the definition in place; returns what could not be said in 3.0.</summary>
    public static IReadOnlyList<ConversionLoss> Convert(JsonObject root)
    {
        var converter = new OpenApi31Converter();
        converter.Document(root);
        return converter.losses;
    }

    private void Document(JsonObject root)
    {
        root["openapi"] = TargetVersion;
        Drop(root, "webhooks", "#", "webhooks");
        root.Remove("jsonSchemaDialect");
        if (root["info"] is JsonObject info)
        {
            Drop(info, "summary", "#/info", "the API's summary (info.summary)");
            if (info["license"] is JsonObject license)
            {
                Drop(license, "identifier", "#/info/license", "the license's SPDX identifier");
            }
        }

        if (root["paths"] is not JsonObject paths)
        {
            root["paths"] = paths = [];
        }

        foreach (var (path, item) in paths)
        {
            PathItem(item as JsonObject, $"#/paths/{Escape(path)}");
        }

        if (root["components"] is JsonObject components)
        {
            Components(components);
        }
    }

    private void Components(JsonObject components)
    {
        Drop(components, "pathItems", "#/components", "reusable path items (components.pathItems)");
        EachOf(components["schemas"], "#/components/schemas", Schema);
        EachOf(components["parameters"], "#/components/parameters", Parameter);
        EachOf(components["headers"], "#/components/headers", Parameter);
        EachOf(components["requestBodies"], "#/components/requestBodies", (body, at) => Content(body["content"], at + "/content"));
        EachOf(components["responses"], "#/components/responses", Response);
        if (components["securitySchemes"] is JsonObject schemes)
        {
            foreach (var (name, scheme) in schemes.ToList())
            {
                if (scheme is JsonObject { } each && each["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "mutualTLS")
                {
                    schemes.Remove(name);
                    losses.Add(new ConversionLoss("mutual TLS security schemes", $"#/components/securitySchemes/{Escape(name)}"));
                }
            }
        }
    }

    private void PathItem(JsonObject? item, string at)
    {
        if (item is null)
        {
            return;
        }

        Parameters(item["parameters"], at + "/parameters");
        foreach (var method in Operations)
        {
            if (item[method] is JsonObject operation)
            {
                Operation(operation, $"{at}/{method}");
            }
        }
    }

    private void Operation(JsonObject operation, string at)
    {
        Parameters(operation["parameters"], at + "/parameters");
        if (operation["requestBody"] is JsonObject body)
        {
            Content(body["content"], at + "/requestBody/content");
        }

        // 3.1 lets an operation leave out its responses; 3.0 requires at least one.
        if (operation["responses"] is not JsonObject responses || responses.Count == 0)
        {
            operation["responses"] = new JsonObject { ["default"] = new JsonObject { ["description"] = "Default response" } };
        }
        else
        {
            EachOf(responses, at + "/responses", Response);
        }

        if (operation["callbacks"] is JsonObject callbacks)
        {
            foreach (var (name, callback) in callbacks)
            {
                EachOf(callback, $"{at}/callbacks/{Escape(name)}", PathItem);
            }
        }
    }

    private void Parameters(JsonNode? parameters, string at)
    {
        if (parameters is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject parameter)
                {
                    Parameter(parameter, $"{at}/{i}");
                }
            }
        }
    }

    private void Parameter(JsonObject parameter, string at)
    {
        if (parameter["schema"] is JsonObject schema)
        {
            Schema(schema, at + "/schema");
        }

        Content(parameter["content"], at + "/content");
    }

    private void Response(JsonObject response, string at)
    {
        Content(response["content"], at + "/content");
        EachOf(response["headers"], at + "/headers", Parameter);
    }

    private void Content(JsonNode? content, string at) =>
        EachOf(content, at, (media, mediaAt) =>
        {
            if (media["schema"] is JsonObject schema)
            {
                Schema(schema, mediaAt + "/schema");
            }
        });

    private void Schema(JsonObject schema, string at)
    {
        foreach (var keyword in QuietlyDropped)
        {
            schema.Remove(keyword);
        }

        foreach (var (keyword, what) in DroppedKeywords)
        {
            Drop(schema, keyword, at, what);
        }

        Types(schema, at);
        NullAlternatives(schema);
        if (schema["const"] is { } constant)
        {
            schema.Remove("const");
            schema["enum"] ??= new JsonArray(constant.DeepClone());
        }

        if (schema["examples"] is JsonArray examples)
        {
            schema.Remove("examples");
            if (examples.Count > 0)
            {
                schema["example"] ??= examples[0]?.DeepClone();
            }
        }

        ExclusiveBound(schema, "exclusiveMinimum", "minimum");
        ExclusiveBound(schema, "exclusiveMaximum", "maximum");
        RefSiblings(schema);
        SubSchemas(schema, at);
    }

    /// <summary>
    /// <c>type: [X, "null"]</c> is 3.0's <c>type: X, nullable: true</c>. ASP.NET Core writes numbers
    /// as <c>[integer, string]</c> with a digits pattern (it also reads numbers written as strings):
    /// that is the number type in 3.0. Other lists become an <c>anyOf</c> of each type.
    /// </summary>
    private void Types(JsonObject schema, string at)
    {
        var type = schema["type"];
        if (type is JsonValue single && single.TryGetValue<string>(out var only) && only == "null")
        {
            schema.Remove("type");
            schema["nullable"] = true;
            losses.Add(new ConversionLoss("schemas whose only type is null", at));
            return;
        }

        if (type is not JsonArray list)
        {
            return;
        }

        var types = list.Select(t => t?.ToString()).OfType<string>().ToList();
        var nullable = types.Remove("null");
        schema.Remove("type");
        if (nullable)
        {
            schema["nullable"] = true;
        }

        if (types.Count == 2 && types.Contains("string") && types.FirstOrDefault(t => t is "integer" or "number") is { } numeric && schema.ContainsKey("pattern"))
        {
            types = [numeric];
            schema.Remove("pattern"); // the digits pattern is the string form's; a number has no pattern in 3.0
        }

        switch (types.Count)
        {
            case 0:
                losses.Add(new ConversionLoss("schemas whose only type is null", at));
                break;
            case 1:
                schema["type"] = types[0];
                break;
            default:
                schema["anyOf"] = new JsonArray(types.Select(t => (JsonNode)new JsonObject { ["type"] = t }).ToArray());
                break;
        }
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> with a <c>{ "type": "null" }</c> alternative is the rest, <c>nullable</c>.</summary>
    private static void NullAlternatives(JsonObject schema)
    {
        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema[keyword] is not JsonArray alternatives)
            {
                continue;
            }

            var nulls = alternatives.OfType<JsonObject>().Where(a => a.Count == 1 && a["type"] is JsonValue t && t.TryGetValue<string>(out var name) && name == "null").ToList();
            if (nulls.Count == 0)
            {
                continue;
            }

            foreach (var alternative in nulls)
            {
                alternatives.Remove(alternative);
            }

            schema["nullable"] = true;
            if (alternatives.Count == 1)
            {
                // One schema left: 3.0 says "this, or null" as allOf with nullable (a $ref ignores its siblings).
                schema.Remove(keyword);
                schema["allOf"] = new JsonArray(alternatives[0]?.DeepClone());
            }
        }
    }

    /// <summary>3.1's numeric <c>exclusiveMinimum: 5</c> is 3.0's <c>minimum: 5, exclusiveMinimum: true</c>.</summary>
    private static void ExclusiveBound(JsonObject schema, string exclusive, string inclusive)
    {
        if (schema[exclusive] is JsonValue bound && bound.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            schema[inclusive] = bound.DeepClone();
            schema[exclusive] = true;
        }
    }

    /// <summary>3.0 ignores everything beside a <c>$ref</c>; 3.1 does not: the reference moves into an <c>allOf</c> so its siblings count.</summary>
    private static void RefSiblings(JsonObject schema)
    {
        if (schema["$ref"] is { } reference && schema.Count > 1)
        {
            schema.Remove("$ref");
            var all = schema["allOf"] as JsonArray ?? [];
            all.Insert(0, new JsonObject { ["$ref"] = reference });
            schema["allOf"] = all;
        }
    }

    private void SubSchemas(JsonObject schema, string at)
    {
        EachOf(schema["properties"], at + "/properties", Schema);
        foreach (var keyword in (string[])["items", "additionalProperties", "not"])
        {
            if (schema[keyword] is JsonObject sub)
            {
                Schema(sub, $"{at}/{keyword}");
            }
        }

        foreach (var keyword in SubSchemaLists)
        {
            if (schema[keyword] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject sub)
                    {
                        Schema(sub, $"{at}/{keyword}/{i}");
                    }
                }
            }
        }
    }

    private void Drop(JsonObject parent, string key, string at, string what)
    {
        if (parent.Remove(key))
        {
            losses.Add(new ConversionLoss(what, $"{at}/{Escape(key)}"));
        }
    }

    private static void EachOf(JsonNode? map, string at, Action<JsonObject, string> visit)
    {
        if (map is JsonObject entries)
        {
            foreach (var (name, value) in entries.ToList())
            {
                if (value is JsonObject entry)
                {
                    visit(entry, $"{at}/{Escape(name)}"); // a bare $ref has nothing to convert
                }
            }
        }
    }

    private static string Escape(string name) => JsonPointer.Escape(name);
}
