using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using YamlDotNet.Core;

namespace Petard.Local.OpenApi;

/// <summary>Reads an OpenAPI 3 or Swagger 2 definition, JSON or YAML, into a JSON tree.</summary>
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
            catch (JsonException ex)
            {
                throw GatewayException.BadRequest($"Invalid OpenAPI input: the JSON does not parse ({ex.Message}).");
            }
        }
        else
        {
            try
            {
                document = YamlJson.Parse(text);
            }
            catch (YamlException ex)
            {
                throw GatewayException.BadRequest($"Invalid OpenAPI input: the YAML does not parse ({ex.Message}).");
            }
        }

        if (document is not JsonObject root)
        {
            throw GatewayException.BadRequest("Invalid OpenAPI input: the definition must be an object (JSON or YAML).");
        }

        if (root["swagger"] is null && root["openapi"] is null)
        {
            throw GatewayException.BadRequest("Invalid OpenAPI input: the definition has neither 'openapi' (3.x) nor 'swagger' (2.0) at its top.");
        }

        OpenApiShape.Check(root);
        return root;
    }
}
