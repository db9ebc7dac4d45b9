using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.OpenApi;

/// <summary>
/// Applies an OpenAPI 3 / Swagger 2 definition to a rest API as PutRestApi and ImportRestApi do:
/// resources from <c>paths</c>, methods with their parameters and responses, integrations from
/// <c>x-amazon-apigateway-integration</c>, models from the schemas. The definition is applied to a
/// copy; the stored API changes only when everything was accepted.
/// </summary>
internal static class OpenApiImporter
{
    private static readonly Dictionary<string, string> HttpMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["get"] = "GET",
        ["put"] = "PUT",
        ["post"] = "POST",
        ["delete"] = "DELETE",
        ["patch"] = "PATCH",
        ["head"] = "HEAD",
        ["options"] = "OPTIONS",
        ["x-amazon-apigateway-any-method"] = "ANY",
    };

    public static string? Title(JsonObject definition) => definition["info"]?["title"] is JsonValue title && title.TryGetValue(out string? text) ? text : null;

    /// <summary>Applies the definition; returns the warnings the service would report.</summary>
    public static IReadOnlyList<string> Import(JsonObject definition, JsonObject restApi, bool overwrite)
    {
        var warnings = new List<string>();
        var work = (JsonObject)restApi.DeepClone();
        var api = (JsonObject)work["api"]!;
        if (definition["info"]?["description"] is JsonValue description)
        {
            api["description"] = description.DeepClone();
        }

        if (definition["info"]?["version"] is JsonValue version)
        {
            api["version"] = version.ToString();
        }

        if (overwrite)
        {
            var root = ResourceTree.Root(work);
            root.Remove("resourceMethods");
            work["resources"] = new JsonObject { [root["id"]!.GetValue<string>()] = root.DeepClone() };
            work["models"] = new JsonObject();
        }

        ImportModels(definition, work, warnings);
        var context = new MethodContext(
            OpenApiSecurity.Import(definition, work, overwrite, warnings),
            OpenApiExtensions.Import(definition, work, overwrite, warnings),
            definition[OpenApiExtensions.Validator]?.ToString(),
            warnings);
        if (definition["paths"] is JsonObject paths)
        {
            foreach (var (path, item) in paths)
            {
                ImportPath(path, item as JsonObject, work, context);
            }
        }

        foreach (var (key, value) in work)
        {
            restApi[key] = value?.DeepClone();
        }

        return warnings;
    }

    private static void ImportPath(string path, JsonObject? item, JsonObject work, MethodContext context)
    {
        var warnings = context.Warnings;
        if (!path.StartsWith('/'))
        {
            throw GatewayException.BadRequest($"Invalid OpenAPI input: the path '{path}' does not start with '/'.");
        }

        var resource = ResourceTree.Ensure(work, path);
        if (item is null)
        {
            return;
        }

        var shared = item["parameters"] as JsonArray;
        foreach (var (key, operation) in item)
        {
            if (key is "parameters" or "summary" or "description" or "servers" || (key.StartsWith("x-", StringComparison.Ordinal) && key != "x-amazon-apigateway-any-method"))
            {
                continue;
            }

            if (!HttpMethods.TryGetValue(key, out var httpMethod) || operation is not JsonObject op)
            {
                warnings.Add($"Unsupported HTTP method '{key}' on path '{path}' was ignored.");
                continue;
            }

            var methods = GatewayState.Collection(resource, "resourceMethods");
            methods[httpMethod] = BuildMethod(httpMethod, op, shared, resource["id"]!.GetValue<string>(), context, $"{key.ToUpperInvariant()} {path}");
        }
    }

    private static JsonObject BuildMethod(string httpMethod, JsonObject op, JsonArray? shared, string resourceId, MethodContext context, string where)
    {
        var method = new JsonObject
        {
            ["httpMethod"] = httpMethod,
            ["authorizationType"] = "NONE",
            ["apiKeyRequired"] = false,
        };
        context.Security.Apply(method, op, where, context.Warnings);
        OpenApiExtensions.WarnUnknown(op, where, context.Warnings);
        if ((op[OpenApiExtensions.Validator]?.ToString() ?? context.DefaultValidator) is { } validatorName)
        {
            if (context.Validators.TryGetValue(validatorName, out var validatorId))
            {
                method["requestValidatorId"] = validatorId;
            }
            else
            {
                context.Warnings.Add($"The request validator '{validatorName}' of {where} is not defined in {OpenApiExtensions.Validators}; it was ignored.");
            }
        }

        if (RequestModels(op, shared) is { Count: > 0 } requestModels)
        {
            method["requestModels"] = requestModels;
        }
        if (op["operationId"] is JsonValue operationId)
        {
            method["operationName"] = operationId.DeepClone();
        }

        var parameters = new JsonObject();
        foreach (var parameter in (shared ?? []).Concat(op["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var location = parameter["in"]?.ToString() switch
            {
                "path" => "path",
                "query" => "querystring",
                "header" => "header",
                _ => null,
            };
            if (location is not null && parameter["name"] is JsonValue name)
            {
                parameters[$"method.request.{location}.{name}"] = parameter["required"] is JsonValue required && required.TryGetValue(out bool isRequired) && isRequired;
            }
        }

        if (parameters.Count > 0)
        {
            method["requestParameters"] = parameters;
        }

        if (op["responses"] is JsonObject responses)
        {
            var methodResponses = new JsonObject();
            foreach (var (status, _) in responses.Where(r => r.Key.Length == 3 && r.Key.All(char.IsDigit)))
            {
                methodResponses[status] = new JsonObject { ["statusCode"] = status };
            }

            if (methodResponses.Count > 0)
            {
                method["methodResponses"] = methodResponses;
            }
        }

        if (op["x-amazon-apigateway-integration"] is JsonObject integration)
        {
            method["methodIntegration"] = BuildIntegration(integration, resourceId);
        }

        return method;
    }

    // The body's schema references (OpenAPI 3 requestBody content, Swagger 2 body parameter) as the method's models by content type.
    private static JsonObject RequestModels(JsonObject op, JsonArray? shared)
    {
        var models = new JsonObject();
        foreach (var (contentType, media) in op["requestBody"]?["content"] as JsonObject ?? [])
        {
            if (ModelName(media?["schema"]) is { } name)
            {
                models[contentType] = name;
            }
        }

        var body = (shared ?? []).Concat(op["parameters"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p["in"]?.ToString() == "body");
        if (ModelName(body?["schema"]) is { } bodyModel)
        {
            foreach (var contentType in (op["consumes"] as JsonArray)?.Select(c => c?.ToString()).OfType<string>() ?? ["application/json"])
            {
                models[contentType] = bodyModel;
            }
        }

        return models;
    }

    private static string? ModelName(JsonNode? schema) =>
        schema?["$ref"]?.ToString() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;

    private static JsonObject BuildIntegration(JsonObject source, string resourceId)
    {
        var type = source["type"]?.ToString().ToUpperInvariant()
            ?? throw GatewayException.BadRequest("Invalid OpenAPI input: an x-amazon-apigateway-integration has no 'type'.");
        if (type is not ("HTTP" or "AWS" or "MOCK" or "HTTP_PROXY" or "AWS_PROXY"))
        {
            throw GatewayException.BadRequest($"Invalid OpenAPI input: unknown integration type '{type}' (use HTTP, HTTP_PROXY, AWS, AWS_PROXY or MOCK).");
        }

        var integration = new JsonObject
        {
            ["type"] = type,
            ["passthroughBehavior"] = source["passthroughBehavior"]?.ToString().ToUpperInvariant() ?? "WHEN_NO_MATCH",
            ["timeoutInMillis"] = source["timeoutInMillis"]?.DeepClone() ?? 29000,
            ["cacheNamespace"] = source["cacheNamespace"]?.DeepClone() ?? resourceId,
            ["cacheKeyParameters"] = source["cacheKeyParameters"]?.DeepClone() ?? new JsonArray(),
        };
        foreach (var name in new[] { "httpMethod", "uri", "credentials", "connectionType", "connectionId", "contentHandling", "requestParameters", "requestTemplates" })
        {
            if (source[name] is { } value)
            {
                integration[name] = value.DeepClone();
            }
        }

        if (source["responses"] is JsonObject responses)
        {
            var integrationResponses = new JsonObject();
            foreach (var (pattern, response) in responses)
            {
                if (response is not JsonObject r || r["statusCode"] is null)
                {
                    continue;
                }

                var statusCode = r["statusCode"]!.ToString();
                var entry = new JsonObject { ["statusCode"] = statusCode };
                if (pattern != "default")
                {
                    entry["selectionPattern"] = pattern;
                }

                foreach (var name in new[] { "responseParameters", "responseTemplates", "contentHandling" })
                {
                    if (r[name] is { } value)
                    {
                        entry[name] = value.DeepClone();
                    }
                }

                integrationResponses[statusCode] = entry;
            }

            integration["integrationResponses"] = integrationResponses;
        }

        return integration;
    }

    private static void ImportModels(JsonObject definition, JsonObject work, List<string> warnings)
    {
        var schemas = definition["definitions"] as JsonObject ?? definition["components"]?["schemas"] as JsonObject;
        if (schemas is null)
        {
            return;
        }

        var models = GatewayState.Collection(work, "models");
        foreach (var (name, schema) in schemas)
        {
            if (!name.All(char.IsAsciiLetterOrDigit))
            {
                warnings.Add($"Model name '{name}' is not alphanumeric; the model was skipped.");
                continue;
            }

            var stored = schema?.DeepClone() as JsonObject ?? new JsonObject();
            stored["$schema"] = "http://json-schema.org/draft-04/schema#";
            stored["title"] = name;
            models[name] = new JsonObject
            {
                ["id"] = models[name]?["id"]?.DeepClone() ?? IdGenerator.ShortId(),
                ["name"] = name,
                ["contentType"] = "application/json",
                ["schema"] = stored.ToJsonString(),
            };
        }
    }

    /// <summary>What every method of the import reads: the security schemes, the request validators by name, the document's default validator.</summary>
    private sealed record MethodContext(OpenApiSecurity Security, Dictionary<string, string> Validators, string? DefaultValidator, List<string> Warnings);
}
