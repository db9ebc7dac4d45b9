using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Local.State;
using Petard.Local.Validation;
using Petard.Model;

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
        var warnings = new List<string>(OpenApiParseIssues.Of(definition));
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
            SchemaNames(definition),
            warnings,
            []);
        if (definition["paths"] is JsonObject paths)
        {
            foreach (var (path, item) in paths)
            {
                ImportPath(path, item as JsonObject, work, context);
            }
        }

        if (context.Errors.Count > 0)
        {
            throw ServiceErrors.BadRequest("importErrors", ("errors", string.Join("\n\t", context.Errors)));
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
            methods[httpMethod] = BuildMethod(httpMethod, op, shared, resource["id"]!.GetValue<string>(), context, new Where(path, key));
        }
    }

    private static JsonObject BuildMethod(string httpMethod, JsonObject op, JsonArray? shared, string resourceId, MethodContext context, Where at)
    {
        var where = at.ToString();
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

        if (RequestModels(op, shared, at, context) is { Count: > 0 } requestModels)
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

        WarnMissingResponseModels(op, at, context);
        if (op["x-amazon-apigateway-integration"] is JsonObject integration && BuildIntegration(integration, resourceId, at, context) is { } built)
        {
            method["methodIntegration"] = built;
        }

        return method;
    }

    // The body's schema references (OpenAPI 3 requestBody content, Swagger 2 body parameter) as the
    // method's models by content type. A reference to no schema of the document is the service's
    // "missing model reference" warning, and the method gets no model for it.
    private static JsonObject RequestModels(JsonObject op, JsonArray? shared, Where at, MethodContext context)
    {
        var models = new JsonObject();
        foreach (var (contentType, media) in op["requestBody"]?["content"] as JsonObject ?? [])
        {
            if (KnownModel((media as JsonObject)?["schema"], $"{at.Location}.requestBody.content.{contentType}.schema", context) is { } name)
            {
                models[contentType] = name;
            }
        }

        var body = (shared ?? []).Concat(op["parameters"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p["in"]?.ToString() == "body");
        if (KnownModel(body?["schema"], $"{at.Location}.parameters.[{body?["name"]}].schema", context) is { } bodyModel)
        {
            foreach (var contentType in (op["consumes"] as JsonArray)?.Select(c => c?.ToString()).OfType<string>() ?? ["application/json"])
            {
                models[contentType] = bodyModel;
            }
        }

        return models;
    }

    private static string? ModelName(JsonNode? schema) =>
        (schema as JsonObject)?["$ref"]?.ToString() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;

    // The model a schema refers to, or null (with the service's warning) when the document defines no such schema.
    private static string? KnownModel(JsonNode? schema, string where, MethodContext context)
    {
        if (ModelName(schema) is not { } name)
        {
            return null;
        }

        if (context.Schemas.Contains(name))
        {
            return name;
        }

        context.Warnings.Add(OpenApiParseIssues.MissingReference(where, schema!["$ref"]!.ToString()));
        return null;
    }

    private static void WarnMissingResponseModels(JsonObject op, Where at, MethodContext context)
    {
        foreach (var (status, response) in op["responses"] as JsonObject ?? [])
        {
            KnownModel((response as JsonObject)?["schema"], $"{at.Location}.responses.{status}.schema", context);
            foreach (var (_, media) in (response as JsonObject)?["content"] as JsonObject ?? [])
            {
                KnownModel((media as JsonObject)?["schema"], $"{at.Location}.responses.{status}.content.schema", context);
            }
        }
    }

    private static HashSet<string> SchemaNames(JsonObject definition) =>
        ((definition["definitions"] ?? definition["components"]?["schemas"]) as JsonObject ?? []).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    // The method's integration, or null with the service's error ("Unable to put integration on 'GET' for resource at
    // path '/x': ...") collected: the import lists every such error, then fails.
    private static JsonObject? BuildIntegration(JsonObject source, string resourceId, Where at, MethodContext context)
    {
        var warnings = context.Warnings;
        var type = source["type"]?.ToString().ToUpperInvariant();
        var types = OperationModel.Default.EnumValues("IntegrationType");
        var reason = type is null
            ? ServiceErrors.Message("integrationTypeMissing")
            : types.Contains(type) ? null : ValidationFailures.Sentence("enumValue", ("value", source["type"]!.ToString()), ("member", "putIntegrationInput.type"), ("values", string.Join(", ", types)));
        if (reason is not null)
        {
            context.Errors.Add(ServiceErrors.Message("unableToPutIntegration", ("method", at.HttpMethod), ("path", at.Path), ("reason", reason)));
            return null;
        }

        var integration = new JsonObject
        {
            ["type"] = type,
            ["passthroughBehavior"] = source["passthroughBehavior"]?.ToString().ToUpperInvariant() ?? "WHEN_NO_MATCH",
            ["timeoutInMillis"] = source["timeoutInMillis"]?.DeepClone() ?? 29000,
            ["cacheNamespace"] = source["cacheNamespace"]?.DeepClone() ?? resourceId,
            ["cacheKeyParameters"] = source["cacheKeyParameters"]?.DeepClone() ?? new JsonArray(),
        };
        foreach (var name in new[] { "httpMethod", "uri", "credentials", "connectionType", "connectionId", "contentHandling", "requestTemplates" })
        {
            if (source[name] is { } value)
            {
                integration[name] = value.DeepClone();
            }
        }

        if (source["requestParameters"] is JsonObject requestParameters)
        {
            integration["requestParameters"] = StringParameters(requestParameters, at, warnings);
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

        // The same rules PutIntegration applies (URI by type, role credentials, VPC link id).
        try
        {
            IntegrationChecks.Check(integration);
        }
        catch (GatewayException refused)
        {
            context.Errors.Add(ServiceErrors.Message("unableToPutIntegration", ("method", at.HttpMethod), ("path", at.Path), ("reason", refused.Message)));
            return null;
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

    // The service keeps a mapping's source as a string: another JSON value (true, 1) is left out with its warning.
    private static JsonObject StringParameters(JsonObject parameters, Where at, List<string> warnings)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            if (value is JsonValue text && text.TryGetValue(out string? _))
            {
                kept[name] = value.DeepClone();
            }
            else
            {
                var written = value is null ? "null" : value.ToJsonString().Trim('"').ToLowerInvariant();
                warnings.Add(ServiceErrors.Message("requestParameterNotString", ("name", name), ("path", at.Path), ("method", at.HttpMethod), ("value", written)));
            }
        }

        return kept;
    }

    /// <summary>What every method of the import reads: the security schemes, the request validators by name, the document's default validator, the names of its schemas; where it reports.</summary>
    private sealed record MethodContext(OpenApiSecurity Security, Dictionary<string, string> Validators, string? DefaultValidator, HashSet<string> Schemas, List<string> Warnings, List<string> Errors);

    /// <summary>An operation of the document: its path and the key of its method (<c>get</c>, <c>x-amazon-apigateway-any-method</c>).</summary>
    private sealed record Where(string Path, string Key)
    {
        /// <summary>The method as the service names it in a warning: GET, ANY.</summary>
        public string HttpMethod => HttpMethods.TryGetValue(Key, out var method) ? method : Key.ToUpperInvariant();

        /// <summary>The operation as the service's parser locates it: <c>paths.'/pets'(get)</c>.</summary>
        public string Location => $"paths.'{Path}'({Key})";

        public override string ToString() => $"{Key.ToUpperInvariant()} {Path}";
    }
}
