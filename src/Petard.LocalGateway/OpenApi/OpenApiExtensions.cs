using System.Text.Json.Nodes;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.OpenApi;

/// <summary>
/// The document-level <c>x-amazon-apigateway-*</c> extensions on import: request validators,
/// gateway responses, the API key source, binary media types. An extension the emulator does not
/// read is a warning rather than a silent loss.
/// </summary>
internal static class OpenApiExtensions
{
    public const string Validators = "x-amazon-apigateway-request-validators";
    public const string Validator = "x-amazon-apigateway-request-validator";
    public const string GatewayResponses = "x-amazon-apigateway-gateway-responses";
    public const string ApiKeySource = "x-amazon-apigateway-api-key-source";
    public const string BinaryMediaTypes = "x-amazon-apigateway-binary-media-types";
    public const string Policy = "x-amazon-apigateway-policy";
    public const string MinimumCompressionSize = "x-amazon-apigateway-minimum-compression-size";
    public const string EndpointConfiguration = "x-amazon-apigateway-endpoint-configuration";
    public const string Auth = "x-amazon-apigateway-auth";
    public const string Documentation = "x-amazon-apigateway-documentation";

    // Read elsewhere (the importer, the security schemes) or documentation only.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Validators, Validator, GatewayResponses, ApiKeySource, BinaryMediaTypes, Policy, MinimumCompressionSize, EndpointConfiguration, Auth, Documentation,
        "x-amazon-apigateway-integration", "x-amazon-apigateway-any-method", "x-amazon-apigateway-authorizer", "x-amazon-apigateway-authtype",
    };

    /// <summary>Applies the document's extensions to <paramref name="work"/>; returns the request validators by name.</summary>
    public static Dictionary<string, string> Import(JsonObject definition, JsonObject work, bool overwrite, List<string> warnings)
    {
        var api = (JsonObject)work["api"]!;
        if (definition[BinaryMediaTypes] is JsonArray binary)
        {
            api["binaryMediaTypes"] = binary.DeepClone();
        }

        if (definition[ApiKeySource]?.ToString() is { } source)
        {
            if (source.ToUpperInvariant() is "HEADER" or "AUTHORIZER")
            {
                api["apiKeySource"] = source.ToUpperInvariant();
            }
            else
            {
                warnings.Add($"Invalid {ApiKeySource} '{source}': use HEADER or AUTHORIZER. It was ignored.");
            }
        }

        if (definition[Policy] is JsonObject policy)
        {
            api["policy"] = policy.ToJsonString(); // the service keeps a resource policy as a JSON string
        }

        if (definition[MinimumCompressionSize] is JsonValue size && size.TryGetValue(out int bytes))
        {
            api["minimumCompressionSize"] = bytes;
        }

        if (definition[EndpointConfiguration]?["disableExecuteApiEndpoint"] is JsonValue disable && disable.TryGetValue(out bool disabled))
        {
            api["disableExecuteApiEndpoint"] = disabled;
        }

        ImportGatewayResponses(definition, work, overwrite, warnings);
        if (definition[Documentation] is not null)
        {
            Operations.DocumentationOperations.ImportParts(work, definition, overwrite);
        }

        WarnUnknown(definition, "the document", warnings);
        return ImportValidators(definition, work, overwrite);
    }

    /// <summary>Warns about each <c>x-amazon-apigateway-*</c> key of <paramref name="node"/> that the import does not read.</summary>
    public static void WarnUnknown(JsonObject node, string where, List<string> warnings)
    {
        foreach (var (key, _) in node)
        {
            if (key.StartsWith("x-amazon-apigateway-", StringComparison.Ordinal) && !Known.Contains(key))
            {
                warnings.Add($"The extension '{key}' of {where} is not emulated by Petard.LocalGateway; it was ignored.");
            }
        }
    }

    private static Dictionary<string, string> ImportValidators(JsonObject definition, JsonObject work, bool overwrite)
    {
        var stored = GatewayState.Collection(work, "requestValidators");
        var byName = stored.Select(v => v.Value).OfType<JsonObject>().ToDictionary(v => v["name"]!.ToString(), StringComparer.Ordinal);
        if (overwrite)
        {
            stored.Clear();
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in definition[Validators] as JsonObject ?? [])
        {
            var id = byName.GetValueOrDefault(name)?["id"]?.ToString() ?? IdGenerator.Unique(IdGenerator.ShortId, stored.ContainsKey);
            stored[id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["validateRequestBody"] = node?["validateRequestBody"] is JsonValue body && body.TryGetValue(out bool b) && b,
                ["validateRequestParameters"] = node?["validateRequestParameters"] is JsonValue parameters && parameters.TryGetValue(out bool p) && p,
            };
            ids[name] = id;
        }

        foreach (var (name, validator) in byName.Where(v => !overwrite && !ids.ContainsKey(v.Key)))
        {
            ids[name] = validator["id"]!.ToString();
        }

        return ids;
    }

    private static void ImportGatewayResponses(JsonObject definition, JsonObject work, bool overwrite, List<string> warnings)
    {
        var stored = GatewayState.Collection(work, "gatewayResponses");
        if (overwrite)
        {
            stored.Clear();
        }

        var types = OperationModel.Default.EnumValues("GatewayResponseType").ToHashSet(StringComparer.Ordinal);
        foreach (var (type, node) in definition[GatewayResponses] as JsonObject ?? [])
        {
            if (!types.Contains(type) || node is not JsonObject source)
            {
                warnings.Add($"Invalid gateway response type '{type}' in {GatewayResponses}; it was ignored.");
                continue;
            }

            var response = new JsonObject { ["responseType"] = type };
            if ((source["statusCode"]?.ToString() ?? ServiceRules.Default.GatewayResponseStatusCodes.GetValueOrDefault(type)) is { } statusCode)
            {
                response["statusCode"] = statusCode;
            }

            response["responseParameters"] = source["responseParameters"]?.DeepClone() ?? new JsonObject();
            response["responseTemplates"] = source["responseTemplates"]?.DeepClone() ?? Operations.GatewayResponseOperations.DefaultTemplates();
            response["defaultResponse"] = false;
            stored[type] = response;
        }
    }
}
