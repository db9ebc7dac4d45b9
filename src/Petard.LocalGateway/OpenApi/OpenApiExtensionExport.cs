using System.Text.Json.Nodes;

namespace Petard.Local.OpenApi;

/// <summary>
/// Export's side of <see cref="OpenApiSecurity"/> and <see cref="OpenApiExtensions"/>: authorizers
/// as security schemes with <c>x-amazon-apigateway-authorizer</c>, each method's security and
/// request validator, and the document's validators, gateway responses and API key source.
/// </summary>
internal sealed class OpenApiExtensionExport(JsonObject settings, bool withExtensions)
{
    private const string HeaderSource = "method.request.header.";

    private JsonObject Authorizers => settings["authorizers"] as JsonObject ?? [];

    private JsonObject Validators => settings["requestValidators"] as JsonObject ?? [];

    /// <summary>Adds the method's security requirement and, with the extensions, its request validator.</summary>
    public void Method(JsonObject method, JsonObject operation)
    {
        var security = new JsonArray();
        if (method["apiKeyRequired"] is JsonValue apiKey && apiKey.TryGetValue(out bool keyRequired) && keyRequired)
        {
            security.Add(new JsonObject { ["api_key"] = new JsonArray() });
        }

        if (method["authorizationType"]?.ToString() is "CUSTOM" or "COGNITO_USER_POOLS" && Authorizers[method["authorizerId"]?.ToString() ?? string.Empty]?["name"]?.ToString() is { } name)
        {
            security.Add(new JsonObject { [name] = new JsonArray((method["authorizationScopes"] as JsonArray ?? []).Select(s => s?.DeepClone()).ToArray()) });
        }

        if (security.Count > 0)
        {
            operation["security"] = security;
        }

        if (withExtensions && method["authorizationType"]?.ToString() == "AWS_IAM")
        {
            operation[OpenApiExtensions.Auth] = new JsonObject { ["type"] = "AWS_IAM" };
        }

        if (withExtensions && Validators[method["requestValidatorId"]?.ToString() ?? string.Empty]?["name"] is { } validator)
        {
            operation[OpenApiExtensions.Validator] = validator.DeepClone();
        }
    }

    /// <summary>Adds the security schemes the methods refer to and the document-level extensions.</summary>
    public void Document(JsonObject document, JsonObject api, bool oas3)
    {
        var schemes = new JsonObject();
        if (document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Any(o => o.Value?["security"] is JsonArray s && s.Any(r => r is JsonObject req && req.ContainsKey("api_key"))))
        {
            schemes["api_key"] = new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" };
        }

        foreach (var authorizer in Authorizers.Select(a => a.Value).OfType<JsonObject>())
        {
            schemes[authorizer["name"]!.ToString()] = Scheme(authorizer);
        }

        if (schemes.Count > 0)
        {
            if (oas3)
            {
                var components = document["components"] as JsonObject ?? new JsonObject();
                components["securitySchemes"] = schemes;
                document["components"] = components;
            }
            else
            {
                document["securityDefinitions"] = schemes;
            }
        }

        if (!withExtensions)
        {
            return;
        }

        if (Validators.Count > 0)
        {
            document[OpenApiExtensions.Validators] = new JsonObject(Validators.Select(v => v.Value).OfType<JsonObject>().Select(v => KeyValuePair.Create(
                v["name"]!.ToString(),
                (JsonNode?)new JsonObject { ["validateRequestBody"] = v["validateRequestBody"]?.DeepClone() ?? false, ["validateRequestParameters"] = v["validateRequestParameters"]?.DeepClone() ?? false })));
        }

        if (settings["gatewayResponses"] is JsonObject { Count: > 0 } responses)
        {
            document[OpenApiExtensions.GatewayResponses] = new JsonObject(responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)Response((JsonObject)r.Value!))));
        }

        if (api["apiKeySource"]?.ToString() is { } source)
        {
            document[OpenApiExtensions.ApiKeySource] = source;
        }

        if (api["policy"]?.ToString() is { Length: > 0 } policy && Parse(policy) is JsonObject policyDocument)
        {
            document[OpenApiExtensions.Policy] = policyDocument;
        }

        if (api["minimumCompressionSize"] is JsonValue size)
        {
            document[OpenApiExtensions.MinimumCompressionSize] = size.DeepClone();
        }

        if (api["disableExecuteApiEndpoint"] is JsonValue disable && disable.TryGetValue(out bool disabled) && disabled)
        {
            document[OpenApiExtensions.EndpointConfiguration] = new JsonObject { ["disableExecuteApiEndpoint"] = true };
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a policy that is not JSON stays out of the export
        }
    }

    private JsonObject Scheme(JsonObject authorizer)
    {
        var type = authorizer["type"]!.ToString();
        var identitySource = authorizer["identitySource"]?.ToString() ?? string.Empty;
        var scheme = new JsonObject
        {
            ["type"] = "apiKey",
            ["name"] = identitySource.StartsWith(HeaderSource, StringComparison.Ordinal) && !identitySource.Contains(',', StringComparison.Ordinal) ? identitySource[HeaderSource.Length..] : "Unused",
            ["in"] = "header",
            ["x-amazon-apigateway-authtype"] = authorizer["authType"]?.DeepClone() ?? (type == "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom"),
        };
        if (withExtensions)
        {
            var extension = new JsonObject { ["type"] = type.ToLowerInvariant() };
            foreach (var member in new[] { "authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs" })
            {
                if (authorizer[member] is { } value)
                {
                    extension[member] = value.DeepClone();
                }
            }

            scheme["x-amazon-apigateway-authorizer"] = extension;
        }

        return scheme;
    }

    private static JsonObject Response(JsonObject response)
    {
        var exported = new JsonObject();
        foreach (var member in new[] { "statusCode", "responseParameters", "responseTemplates" })
        {
            if (response[member] is { } value)
            {
                exported[member] = value.DeepClone();
            }
        }

        return exported;
    }
}
