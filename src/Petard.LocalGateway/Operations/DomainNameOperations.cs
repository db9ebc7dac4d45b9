using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>Custom domain names and their base path mappings (an empty base path is <c>(none)</c>).</summary>
internal static class DomainNameOperations
{
    private static string NoBasePath => ServiceRules.Default.NoBasePath;

    private static readonly PatchRules DomainRules = PatchRules.For("domainName")
        .Handle("endpointTypes", EndpointConfigurationPatch.ChangeDomainTypes)
        .Handle("mutualTls", MutualTlsPatch.Apply);

    public static void Register(OperationTable table)
    {
        table.Add("CreateDomainName", CreateDomain);
        table.Add("GetDomainName", (input, state) => Domain(state, input.Required("domainName"))["domain"]!.DeepClone().AsObject());
        table.Add("GetDomainNames", (input, state) => Paging.Page(state.DomainNames.Select(kv => kv.Value!["domain"]!), input));
        table.Add("UpdateDomainName", UpdateDomain);
        table.Add("DeleteDomainName", (input, state) => Stored.Remove(state.DomainNames, input.Required("domainName"), "Invalid domain name identifier specified"));

        table.Add("CreateBasePathMapping", CreateMapping);
        table.Add("GetBasePathMapping", (input, state) => Mapping(state, input).DeepClone().AsObject());
        table.Add("GetBasePathMappings", (input, state) => Paging.Page(Mappings(state, input.Required("domainName")).Select(kv => kv.Value!), input));
        table.Add("UpdateBasePathMapping", UpdateMapping);
        table.Add("DeleteBasePathMapping", (input, state) =>
        {
            var key = Mapping(state, input)["basePath"]!.GetValue<string>();
            Mappings(state, input.Required("domainName")).Remove(key);
            return OperationResult.Empty;
        });
    }

    public static JsonObject Domain(GatewayState state, string name) =>
        state.DomainNames[name] as JsonObject ?? throw GatewayException.NotFound("Invalid domain name identifier specified");

    private static JsonObject Mappings(GatewayState state, string domainName) => GatewayState.Collection(Domain(state, domainName), "basePathMappings");

    private static JsonObject Mapping(GatewayState state, OperationInput input) =>
        Mappings(state, input.Required("domainName"))[Normalize(input.String("basePath"))] as JsonObject
            ?? throw GatewayException.NotFound("Invalid base path mapping identifier specified");

    // The empty base path is written "(none)" in URIs and answers; a REST API's base path has one level.
    private static string Normalize(string? basePath)
    {
        var rule = ServiceRules.Default.BasePath;
        return string.IsNullOrEmpty(basePath) || basePath == NoBasePath ? NoBasePath
            : rule.Accepts(basePath) ? basePath
            : throw ServiceErrors.BadRequest(rule.Message);
    }

    // An empty base path takes the whole domain, so it cannot share the domain with another mapping.
    private static void CheckAlone(JsonObject mappings, string basePath, string? replacing)
    {
        var others = mappings.Select(m => m.Key).Where(k => k != replacing).ToList();
        if (others.Count > 0 && (basePath == NoBasePath || others.Contains(NoBasePath)))
        {
            throw ServiceErrors.Conflict("emptyBasePathNotAlone");
        }
    }

    private static OperationResult CreateDomain(OperationInput input, GatewayState state)
    {
        var name = input.Required("domainName");
        if (state.DomainNames.ContainsKey(name))
        {
            throw GatewayException.BadRequest("The domain name you provided already exists.");
        }

        var domain = new JsonObject
        {
            ["domainName"] = name,
            ["certificateUploadDate"] = Clock.Now(),
            ["endpointConfiguration"] = input.Node("endpointConfiguration")?.DeepClone() ?? new JsonObject { ["types"] = new JsonArray("EDGE") },
            ["domainNameStatus"] = "AVAILABLE",
            ["securityPolicy"] = input.String("securityPolicy") ?? "TLS_1_2",
        };
        DomainEndpoints.Describe(domain);
        Stored.Copy(input, domain, "certificateName", "certificateArn", "regionalCertificateName", "regionalCertificateArn", "ownershipVerificationCertificateArn");
        if (input.Node("mutualTlsAuthentication") is JsonObject mutualTls && mutualTls["truststoreUri"] is not null)
        {
            // The service answers the truststore it was given (MutualTlsAuthenticationInput's members).
            domain["mutualTlsAuthentication"] = new JsonObject(mutualTls.Where(m => m.Key is "truststoreUri" or "truststoreVersion").Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
        }

        Tags.CopyOnCreate(input, domain);
        state.DomainNames[name] = new JsonObject { ["domain"] = domain, ["basePathMappings"] = new JsonObject() };
        return domain.DeepClone().AsObject();
    }

    private static OperationResult UpdateDomain(OperationInput input, GatewayState state)
    {
        var tree = Domain(state, input.Required("domainName"));
        var updated = DomainRules.Apply((JsonObject)tree["domain"]!, PatchOperation.Read(input));
        tree["domain"] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult CreateMapping(OperationInput input, GatewayState state)
    {
        var mappings = Mappings(state, input.Required("domainName"));
        var basePath = Normalize(input.String("basePath"));
        if (mappings.ContainsKey(basePath))
        {
            throw GatewayException.Conflict("Base path already exists for this domain name");
        }

        var mapping = new JsonObject { ["basePath"] = basePath, ["restApiId"] = input.Required("restApiId") };
        CheckTarget(state, input.Required("restApiId"), input.String("stage"));
        CheckAlone(mappings, basePath, replacing: null);
        if (input.String("stage") is { } stage)
        {
            mapping["stage"] = stage;
        }

        mappings[basePath] = mapping;
        return mapping.DeepClone().AsObject();
    }

    private static OperationResult UpdateMapping(OperationInput input, GatewayState state)
    {
        var mappings = Mappings(state, input.Required("domainName"));
        var current = Mapping(state, input);
        var updated = (JsonObject)current.DeepClone();
        foreach (var operation in PatchOperation.Read(input))
        {
            // The table names the paths; the wire's "/restapiId" is the resource's restApiId.
            PatchRules.Find("basePathMapping", operation);
            var property = operation.Path == "/restapiId" ? "restApiId" : operation.Segments[0];

            updated[property] = property == "basePath" ? Normalize(operation.Value) : operation.Value;
        }

        CheckTarget(state, updated["restApiId"]!.GetValue<string>(), updated["stage"]?.GetValue<string>());
        var key = updated["basePath"]!.GetValue<string>();
        var oldKey = current["basePath"]!.GetValue<string>();
        if (key != oldKey && mappings.ContainsKey(key))
        {
            throw GatewayException.Conflict("Base path already exists for this domain name");
        }

        CheckAlone(mappings, key, replacing: oldKey);

        mappings.Remove(oldKey);
        mappings[key] = updated;
        return updated.DeepClone().AsObject();
    }

    private static void CheckTarget(GatewayState state, string restApiId, string? stage)
    {
        var restApi = state.RestApis[restApiId] as JsonObject ?? throw GatewayException.BadRequest("Invalid REST API identifier specified");
        if (stage is not null && GatewayState.Collection(restApi, "stages")[stage] is null)
        {
            throw GatewayException.BadRequest("Invalid stage identifier specified");
        }
    }
}
