using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Petard.Local.Operations;
using YamlDotNet.Core;

namespace Petard.Local.OpenApi;

/// <summary>
/// Reads an OpenAPI 3 or Swagger 2 definition, JSON or YAML, into a JSON tree. What does not parse,
/// or parses to something that is not an OpenAPI document, is refused with the service's words
/// ("Invalid OpenAPI input."), which name no detail.
/// </summary>
internal static class OpenApiDocument
{
    public static JsonObject Parse(byte[]? payload, string operation)
    {
        if (payload is null || payload.Length == 0)
        {
            throw GatewayException.BadRequest($"{operation}: the request body is empty; send an OpenAPI 3 or Swagger 2 definition (JSON or YAML).");
        }

        if (!Utf8.IsValid(payload))
        {
            throw GatewayException.BadRequest("Invalid OpenAPI input: the definition is not valid UTF-8. Save the file as UTF-8.");
        }

        var text = Encoding.UTF8.GetString(payload).TrimStart('\uFEFF');
        JsonNode? document;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                document = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            }
            catch (JsonException)
            {
                throw Invalid();
            }
        }
        else
        {
            try
            {
                document = YamlJson.Parse(text);
            }
            catch (YamlException)
            {
                throw Invalid();
            }
        }

        if (document is not JsonObject root || (root["swagger"] is null && root["openapi"] is null))
        {
            throw Invalid();
        }

        CheckVersion(root);
        OpenApiShape.Check(root);
        return root;
    }

    /// <summary>Whether the definition is Swagger 2.0 rather than OpenAPI 3.</summary>
    public static bool IsSwagger(JsonObject definition) => definition["swagger"] is not null;

    // API Gateway imports OpenAPI 3.x and Swagger 2.0: "openapi: 2.0.0" (a Swagger version under the
    // OpenAPI 3 key) or "swagger: 3.0" is refused, not guessed at.
    private static void CheckVersion(JsonObject root)
    {
        var (member, expected) = root["openapi"] is not null ? ("openapi", "3.") : ("swagger", "2.0");
        var value = root[member] switch
        {
            JsonValue version when version.TryGetValue(out string? text) => text,
            JsonValue version when version.TryGetValue(out double number) => number.ToString("0.0##", CultureInfo.InvariantCulture), // swagger: 2.0, unquoted in YAML
            var other => other!.ToJsonString(),
        };
        var valid = member == "openapi" ? value.StartsWith(expected, StringComparison.Ordinal) && value.Length > 2 : value == expected;
        if (!valid)
        {
            throw ServiceErrors.BadRequest("openApiVersion", ("member", member), ("value", value));
        }
    }

    private static GatewayException Invalid() => ServiceErrors.BadRequest("invalidOpenApiInput");
}
