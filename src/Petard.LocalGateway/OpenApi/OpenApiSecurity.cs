using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Local.State;

namespace Petard.Local.OpenApi;

/// <summary>
/// Security on import: the schemes of <c>components.securitySchemes</c> (OpenAPI 3) or
/// <c>securityDefinitions</c> (Swagger 2) with <c>x-amazon-apigateway-authorizer</c> become
/// authorizers; <c>security</c> (the operation's, else the document's) sets a method's
/// authorization type and authorizer, or <c>apiKeyRequired</c> for an <c>api_key</c> scheme.
/// What the service cannot map is a warning.
/// </summary>
internal sealed class OpenApiSecurity
{
    private const string AuthorizerExtension = "x-amazon-apigateway-authorizer";

    private readonly Dictionary<string, JsonObject> authorizers = new(StringComparer.Ordinal);
    private readonly HashSet<string> apiKeySchemes = new(StringComparer.Ordinal);
    private readonly JsonArray? documentSecurity;

    private OpenApiSecurity(JsonArray? documentSecurity) => this.documentSecurity = documentSecurity;

    public static JsonObject? Schemes(JsonObject definition) =>
        definition["components"]?["securitySchemes"] as JsonObject ?? definition["securityDefinitions"] as JsonObject;

    /// <summary>Reads the schemes and stores their authorizers in <paramref name="work"/> (an authorizer of the same name keeps its id).</summary>
    public static OpenApiSecurity Import(JsonObject definition, JsonObject work, bool overwrite, List<string> warnings)
    {
        var security = new OpenApiSecurity(definition["security"] as JsonArray);
        var stored = GatewayState.Collection(work, "authorizers");
        var byName = stored.Select(a => a.Value).OfType<JsonObject>().ToDictionary(a => a["name"]!.ToString(), StringComparer.Ordinal);
        if (overwrite)
        {
            stored.Clear();
        }

        foreach (var (name, node) in Schemes(definition) ?? [])
        {
            if (node is not JsonObject scheme)
            {
                continue;
            }

            if (scheme[AuthorizerExtension] is JsonObject extension)
            {
                var authorizer = Authorizer(name, scheme, extension, warnings);
                if (authorizer is null)
                {
                    continue;
                }

                var id = byName.GetValueOrDefault(name)?["id"]?.ToString() ?? IdGenerator.Unique(IdGenerator.ShortId, stored.ContainsKey);
                authorizer["id"] = id;
                stored[id] = authorizer;
                security.authorizers[name] = authorizer;
            }
            else if (scheme["type"]?.ToString() == "apiKey" && scheme["in"]?.ToString() == "header" && string.Equals(scheme["name"]?.ToString(), "x-api-key", StringComparison.OrdinalIgnoreCase))
            {
                security.apiKeySchemes.Add(name);
            }
            else if (scheme["type"]?.ToString() is { } type && type != "apiKey")
            {
                warnings.Add(ServiceErrors.Message("unsupportedSecurityDefinition", ("type", type), ("name", name)));
            }
            else
            {
                warnings.Add($"Unsupported security definition '{name}': an apiKey scheme is imported when it reads the x-api-key header or has {AuthorizerExtension}; it was ignored.");
            }
        }

        return security;
    }

    /// <summary>Sets the method's authorization from the operation's <c>security</c>, else the document's.</summary>
    public void Apply(JsonObject method, JsonObject operation, string where, List<string> warnings)
    {
        // x-amazon-apigateway-auth: {type: AWS_IAM} asks for IAM authorization (not checked on the local data plane).
        if (operation[OpenApiExtensions.Auth]?["type"]?.ToString().ToUpperInvariant() is { } authType && authType is "AWS_IAM" or "NONE")
        {
            method["authorizationType"] = authType;
        }

        var requirements = operation["security"] as JsonArray ?? documentSecurity;
        foreach (var name in (requirements ?? []).OfType<JsonObject>().SelectMany(r => r.Select(s => s.Key)))
        {
            if (apiKeySchemes.Contains(name))
            {
                method["apiKeyRequired"] = true;
            }
            else if (authorizers.TryGetValue(name, out var authorizer))
            {
                method["authorizationType"] = authorizer["type"]!.ToString() == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
                method["authorizerId"] = authorizer["id"]!.DeepClone();
            }
            else if (name != "api_key")
            {
                warnings.Add($"The security requirement '{name}' of {where} names no imported security definition; it was ignored.");
            }
            else
            {
                // Swagger documents often require api_key without defining it; the service reads it as an API key all the same.
                method["apiKeyRequired"] = true;
            }
        }
    }

    private static JsonObject? Authorizer(string name, JsonObject scheme, JsonObject extension, List<string> warnings)
    {
        var type = extension["type"]?.ToString().ToUpperInvariant();
        if (type is not ("TOKEN" or "REQUEST" or "COGNITO_USER_POOLS"))
        {
            warnings.Add($"The {AuthorizerExtension} of '{name}' has type '{extension["type"]}'; use token, request or cognito_user_pools. It was ignored.");
            return null;
        }

        var authorizer = new JsonObject { ["name"] = name, ["type"] = type };
        if (scheme["x-amazon-apigateway-authtype"]?.ToString() is { } authType)
        {
            authorizer["authType"] = authType;
        }

        foreach (var member in new[] { "authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs" })
        {
            if (extension[member] is { } value)
            {
                authorizer[member] = value.DeepClone();
            }
        }

        // A token authorizer reads the header the scheme names when the extension does not say.
        if (authorizer["identitySource"] is null && type != "REQUEST" && scheme["in"]?.ToString() == "header" && scheme["name"]?.ToString() is { Length: > 0 } header)
        {
            authorizer["identitySource"] = "method.request.header." + header;
        }

        return authorizer;
    }
}
