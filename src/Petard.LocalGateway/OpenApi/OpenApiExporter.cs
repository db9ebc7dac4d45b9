using System.Text.Json.Nodes;

namespace Petard.Local.OpenApi;

/// <summary>
/// Writes a deployed API as OpenAPI 3.0.1 (<c>oas30</c>) or Swagger 2.0 (<c>swagger</c>), as
/// GetExport does: paths and methods, parameters, responses, and with the <c>integrations</c> or
/// <c>apigateway</c> extension the <c>x-amazon-apigateway-integration</c> of each method.
/// </summary>
internal static class OpenApiExporter
{
    /// <param name="api">The rest API's own representation.</param>
    /// <param name="resources">The resources deployed to the stage.</param>
    /// <param name="settings">The API's authorizers, request validators, models and gateway responses.</param>
    /// <param name="stageName">The stage exported.</param>
    /// <param name="exportType"><c>oas30</c> or <c>swagger</c>.</param>
    /// <param name="withIntegrations">Whether to include the API Gateway extensions.</param>
    /// <param name="region">The region of the invoke URL.</param>
    public static JsonObject Export(JsonObject api, JsonObject resources, JsonObject settings, string stageName, string exportType, bool withIntegrations, string region)
    {
        var oas3 = exportType == "oas30";
        var models = settings["models"] as JsonObject ?? [];
        var extensions = new OpenApiExtensionExport(settings, withIntegrations);
        var id = api["id"]!.GetValue<string>();
        var host = $"{id}.execute-api.{region}.amazonaws.com";
        var document = new JsonObject();
        if (oas3)
        {
            document["openapi"] = "3.0.1";
        }
        else
        {
            document["swagger"] = "2.0";
        }

        var info = new JsonObject { ["title"] = api["name"]!.DeepClone() };
        if (api["description"] is { } description)
        {
            info["description"] = description.DeepClone();
        }

        info["version"] = Version(api);
        document["info"] = info;
        if (oas3)
        {
            document["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = $"https://{host}/{{basePath}}",
                ["variables"] = new JsonObject { ["basePath"] = new JsonObject { ["default"] = stageName } },
            });
        }
        else
        {
            document["host"] = host;
            document["basePath"] = "/" + stageName;
            document["schemes"] = new JsonArray("https");
        }

        var paths = new JsonObject();
        foreach (var resource in resources.Select(kv => (JsonObject)kv.Value!).OrderBy(r => r["path"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            if (resource["resourceMethods"] is not JsonObject { Count: > 0 } methods)
            {
                continue;
            }

            var item = new JsonObject();
            foreach (var (httpMethod, method) in methods)
            {
                item[httpMethod == "ANY" ? "x-amazon-apigateway-any-method" : httpMethod.ToLowerInvariant()] = Operation((JsonObject)method!, oas3, withIntegrations, extensions);
            }

            paths[resource["path"]!.GetValue<string>()] = item;
        }

        document["paths"] = paths;
        if (models.Count > 0)
        {
            var schemas = new JsonObject(models.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Schema(m.Value!))));
            if (oas3)
            {
                document["components"] = new JsonObject { ["schemas"] = schemas };
            }
            else
            {
                document["definitions"] = schemas;
            }
        }

        if (withIntegrations && api["binaryMediaTypes"] is JsonArray binary)
        {
            document[OpenApiExtensions.BinaryMediaTypes] = binary.DeepClone();
        }

        extensions.Document(document, api, oas3);
        return document;
    }

    /// <summary>The API's version, else its creation time (<c>2026-12-06T08:13:09Z</c>): the export's <c>info.version</c> and the stem of its file name.</summary>
    public static string Version(JsonObject api) =>
        api["version"]?.ToString() is { Length: > 0 } version
            ? version
            : DateTimeOffset.FromUnixTimeSeconds(api["createdDate"]!.GetValue<long>()).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Operation(JsonObject method, bool oas3, bool withIntegrations, OpenApiExtensionExport extensions)
    {
        var operation = new JsonObject();
        if (method["operationName"] is { } name)
        {
            operation["operationId"] = name.DeepClone();
        }

        var parameters = new JsonArray();
        foreach (var (key, required) in method["requestParameters"] as JsonObject ?? [])
        {
            var parts = key.Split('.', 4); // method.request.{path|querystring|header}.{name}
            if (parts.Length != 4)
            {
                continue;
            }

            var parameter = new JsonObject
            {
                ["name"] = parts[3],
                ["in"] = parts[2] == "querystring" ? "query" : parts[2],
                ["required"] = parts[2] == "path" || (required is JsonValue v && v.TryGetValue(out bool r) && r),
            };
            if (oas3)
            {
                parameter["schema"] = new JsonObject { ["type"] = "string" };
            }
            else
            {
                parameter["type"] = "string";
            }

            parameters.Add(parameter);
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var responses = new JsonObject();
        foreach (var (status, _) in method["methodResponses"] as JsonObject ?? [])
        {
            responses[status] = new JsonObject { ["description"] = $"{status} response" };
        }

        if (method["requestModels"] is JsonObject { Count: > 0 } requestModels)
        {
            RequestBody(operation, requestModels, oas3);
        }

        operation["responses"] = responses;
        extensions.Method(method, operation);

        if (withIntegrations && method["methodIntegration"] is JsonObject integration)
        {
            operation["x-amazon-apigateway-integration"] = Integration(integration);
        }

        return operation;
    }

    // The method's models by content type, as a reference to the exported schema.
    private static void RequestBody(JsonObject operation, JsonObject requestModels, bool oas3)
    {
        if (oas3)
        {
            operation["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject(requestModels.Select(m => KeyValuePair.Create(
                    m.Key, (JsonNode?)new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{m.Value}" } }))),
                ["required"] = true,
            };
            return;
        }

        operation["consumes"] = new JsonArray(requestModels.Select(m => (JsonNode?)m.Key).ToArray());
        if (operation["parameters"] is not JsonArray parameters)
        {
            parameters = [];
            operation["parameters"] = parameters;
        }

        parameters.Add(new JsonObject
        {
            ["in"] = "body",
            ["name"] = requestModels.First().Value!.ToString(),
            ["required"] = true,
            ["schema"] = new JsonObject { ["$ref"] = $"#/definitions/{requestModels.First().Value}" },
        });
    }

    private static JsonObject Integration(JsonObject integration)
    {
        var exported = new JsonObject { ["type"] = integration["type"]!.GetValue<string>().ToLowerInvariant() };
        foreach (var name in new[] { "httpMethod", "uri", "credentials", "connectionType", "connectionId", "requestParameters", "requestTemplates", "passthroughBehavior", "contentHandling", "timeoutInMillis", "cacheNamespace", "cacheKeyParameters" })
        {
            if (integration[name] is { } value)
            {
                exported[name] = value.DeepClone();
            }
        }

        if (integration["integrationResponses"] is JsonObject { Count: > 0 } responses)
        {
            var exportedResponses = new JsonObject();
            foreach (var (_, response) in responses)
            {
                var entry = new JsonObject { ["statusCode"] = response!["statusCode"]!.DeepClone() };
                foreach (var name in new[] { "responseParameters", "responseTemplates", "contentHandling" })
                {
                    if (response[name] is { } value)
                    {
                        entry[name] = value.DeepClone();
                    }
                }

                exportedResponses[response["selectionPattern"]?.GetValue<string>() is { Length: > 0 } pattern ? pattern : "default"] = entry;
            }

            exported["responses"] = exportedResponses;
        }

        return exported;
    }

    private static JsonNode Schema(JsonNode model)
    {
        try
        {
            if (model["schema"]?.GetValue<string>() is { } text && JsonNode.Parse(text) is JsonObject schema)
            {
                schema.Remove("$schema");
                return schema;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // a model whose schema is not JSON exports as an empty schema, as the service does
        }

        return new JsonObject();
    }
}
