using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.OpenApi;

/// <summary>
/// Checks the parts of a definition the importer walks have the types OpenAPI gives them (an
/// object where it expects an object), and refuses keys a path item cannot have, as the service
/// refuses them: a BadRequestException naming the place, before anything is imported.
/// </summary>
internal static class OpenApiShape
{
    /// <summary>The keys of an OpenAPI path item that are not operations.</summary>
    private static readonly HashSet<string> PathItemFields = new(StringComparer.Ordinal) { "$ref", "summary", "description", "servers", "parameters" };

    /// <summary>Every HTTP method OpenAPI knows; the importer decides which of them API Gateway supports.</summary>
    private static readonly HashSet<string> OpenApiMethods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method" };

    public static void Check(JsonObject definition)
    {
        Expect(definition, "info", JsonValueKind.Object, "info");
        Expect(definition, "paths", JsonValueKind.Object, "paths");
        Expect(definition, "definitions", JsonValueKind.Object, "definitions");
        Expect(definition, "x-amazon-apigateway-binary-media-types", JsonValueKind.Array, "x-amazon-apigateway-binary-media-types");
        Expect(definition, OpenApiExtensions.Validators, JsonValueKind.Object, OpenApiExtensions.Validators);
        Expect(definition, OpenApiExtensions.GatewayResponses, JsonValueKind.Object, OpenApiExtensions.GatewayResponses);
        Expect(definition, "security", JsonValueKind.Array, "security");
        Expect(definition, "securityDefinitions", JsonValueKind.Object, "securityDefinitions");
        if (Expect(definition, "components", JsonValueKind.Object, "components") is { } components)
        {
            Expect(components, "schemas", JsonValueKind.Object, "components.schemas");
            Expect(components, "securitySchemes", JsonValueKind.Object, "components.securitySchemes");
        }

        foreach (var (name, scheme) in OpenApiSecurity.Schemes(definition) ?? [])
        {
            if (scheme is JsonObject schemeObject)
            {
                Expect(schemeObject, "x-amazon-apigateway-authorizer", JsonValueKind.Object, $"securitySchemes.{name}.x-amazon-apigateway-authorizer");
            }
        }

        foreach (var (path, item) in Expect(definition, "paths", JsonValueKind.Object, "paths") ?? [])
        {
            if (item is null)
            {
                continue;
            }

            if (item is not JsonObject pathItem)
            {
                throw Invalid($"the path '{path}' must be an object (a path item), not {Describe(item)}");
            }

            Expect(pathItem, "parameters", JsonValueKind.Array, $"paths.{path}.parameters");
            foreach (var (key, operation) in pathItem)
            {
                if (PathItemFields.Contains(key) || (key.StartsWith("x-", StringComparison.Ordinal) && !OpenApiMethods.Contains(key)))
                {
                    continue;
                }

                if (!OpenApiMethods.Contains(key))
                {
                    throw Invalid($"'{key}' on the path '{path}' is not an HTTP method (use get, put, post, delete, options, head, patch or x-amazon-apigateway-any-method)");
                }

                if (operation is not JsonObject op)
                {
                    throw Invalid($"the operation '{key}' on the path '{path}' must be an object, not {Describe(operation)}");
                }

                Expect(op, "parameters", JsonValueKind.Array, $"paths.{path}.{key}.parameters");
                Expect(op, "responses", JsonValueKind.Object, $"paths.{path}.{key}.responses");
                Expect(op, "x-amazon-apigateway-integration", JsonValueKind.Object, $"paths.{path}.{key}.x-amazon-apigateway-integration");
                Expect(op, "security", JsonValueKind.Array, $"paths.{path}.{key}.security");
            }
        }
    }

    /// <summary>The member when present and of <paramref name="kind"/>; <c>null</c> when absent; otherwise refused.</summary>
    private static JsonObject? Expect(JsonObject parent, string name, JsonValueKind kind, string where)
    {
        var value = parent[name];
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() != kind)
        {
            throw Invalid($"'{where}' must be {(kind == JsonValueKind.Object ? "an object" : "an array")}, not {Describe(value)}");
        }

        return value as JsonObject;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : "a JSON " + node.GetValueKind().ToString().ToLowerInvariant();

    private static GatewayException Invalid(string what) => GatewayException.BadRequest($"Invalid OpenAPI input: {what}.");
}
