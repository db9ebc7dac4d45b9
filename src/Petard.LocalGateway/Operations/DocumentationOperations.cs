using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.OpenApi;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// Documentation parts (a location and a JSON <c>properties</c> string) and documentation versions
/// (snapshots of the parts, which a stage may name) of a rest API, and ImportDocumentationParts.
/// </summary>
internal static class DocumentationOperations
{
    private static readonly PatchRules VersionRules = PatchRules.For("documentationVersion");
    private static readonly PatchRules PartRules = PatchRules.For("documentationPart");

    public static void Register(OperationTable table)
    {
        table.Add("CreateDocumentationPart", CreatePart);
        table.Add("GetDocumentationPart", (input, state) => Part(state.RestApi(input.Required("restApiId")), input.Required("documentationPartId")).DeepClone().AsObject());
        table.Add("GetDocumentationParts", GetParts);
        table.Add("UpdateDocumentationPart", UpdatePart);
        table.Add("DeleteDocumentationPart", (input, state) =>
            Stored.Remove(Parts(state.RestApi(input.Required("restApiId"))), input.Required("documentationPartId"), ServiceErrors.Message("documentationPartNotFound")));
        table.Add("ImportDocumentationParts", Import);

        table.Add("CreateDocumentationVersion", CreateVersion);
        table.Add("GetDocumentationVersion", (input, state) => Version(state.RestApi(input.Required("restApiId")), input.Required("documentationVersion")).DeepClone().AsObject());
        table.Add("GetDocumentationVersions", (input, state) => Paging.Page(Versions(state.RestApi(input.Required("restApiId"))).Select(kv => Present(kv.Value!)), input));
        table.Add("UpdateDocumentationVersion", UpdateVersion);
        table.Add("DeleteDocumentationVersion", (input, state) =>
            Stored.Remove(Versions(state.RestApi(input.Required("restApiId"))), input.Required("documentationVersion"), ServiceErrors.Message("documentationVersionNotFound")));
    }

    private static JsonObject Parts(JsonObject restApi) => GatewayState.Collection(restApi, "documentationParts");

    private static JsonObject Versions(JsonObject restApi) => GatewayState.Collection(restApi, "documentationVersions");

    private static JsonObject Part(JsonObject restApi, string id) =>
        Parts(restApi)[id] as JsonObject ?? throw ServiceErrors.NotFound("documentationPartNotFound");

    private static JsonObject Version(JsonObject restApi, string version) =>
        Present(Versions(restApi)[version] as JsonObject ?? throw ServiceErrors.NotFound("documentationVersionNotFound"));

    // A version keeps the parts it snapshots beside it; the answer shows only the version's own members.
    private static JsonObject Present(JsonNode version)
    {
        var answer = version.DeepClone().AsObject();
        answer.Remove("parts");
        return answer;
    }

    private static string Properties(string? text)
    {
        try
        {
            return JsonNode.Parse(text ?? string.Empty) is JsonObject ? text! : throw ServiceErrors.BadRequest("invalidDocumentationProperties");
        }
        catch (JsonException)
        {
            throw ServiceErrors.BadRequest("invalidDocumentationProperties");
        }
    }

    private static JsonObject AddPart(JsonObject restApi, JsonNode? location, string properties)
    {
        var parts = Parts(restApi);
        var normalized = DocumentationLocation.Normalize(location);
        if (parts.Any(p => DocumentationLocation.Same(p.Value?["location"], normalized)))
        {
            throw ServiceErrors.Conflict("documentationPartExists");
        }

        var id = IdGenerator.Unique(IdGenerator.ShortId, parts.ContainsKey);
        var part = new JsonObject { ["id"] = id, ["location"] = normalized, ["properties"] = Properties(properties) };
        parts[id] = part;
        return part;
    }

    private static OperationResult CreatePart(OperationInput input, GatewayState state) =>
        AddPart(state.RestApi(input.Required("restApiId")), input.Node("location"), input.Required("properties")).DeepClone().AsObject();

    private static OperationResult GetParts(OperationInput input, GatewayState state)
    {
        var type = ServiceErrors.Enum(input, "type");
        var status = ServiceErrors.Enum(input, "locationStatus");
        var nameQuery = input.String("nameQuery");
        var path = input.String("path");
        // Every stored part documents its location, so UNDOCUMENTED lists none.
        var parts = Parts(state.RestApi(input.Required("restApiId"))).Select(kv => (JsonObject)kv.Value!)
            .Where(_ => status != "UNDOCUMENTED")
            .Where(p => type is null || p["location"]?["type"]?.GetValue<string>() == type)
            .Where(p => path is null || p["location"]?["path"]?.GetValue<string>() == path)
            .Where(p => nameQuery is null || (p["location"]?["name"]?.GetValue<string>() ?? string.Empty).Contains(nameQuery, StringComparison.Ordinal));
        return Paging.Page(parts, input);
    }

    private static OperationResult UpdatePart(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("documentationPartId");
        var updated = PartRules.Apply(Part(restApi, id), PatchOperation.Read(input));
        updated["properties"] = Properties(updated["properties"]?.GetValue<string>());
        Parts(restApi)[id] = updated;
        return updated;
    }

    /// <summary>Reads <c>x-amazon-apigateway-documentation.documentationParts</c> of an OpenAPI definition; overwrite replaces every part, merge adds and replaces.</summary>
    private static OperationResult Import(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var mode = ServiceErrors.Enum(input, "mode") ?? "merge";
        JsonObject document;
        try
        {
            document = OpenApiDocument.Parse(input.Payload, "ImportDocumentationParts");
        }
        catch (GatewayException)
        {
            throw ServiceErrors.BadRequest("documentationImporter");
        }

        return new JsonObject { ["ids"] = ImportParts(restApi, document, overwrite: mode == "overwrite") };
    }

    /// <summary>
    /// Stores the parts of the definition's <c>x-amazon-apigateway-documentation</c> in <paramref name="restApi"/>
    /// (ImportDocumentationParts, and ImportRestApi/PutRestApi, which read the extension too); the ids of the parts.
    /// </summary>
    public static JsonArray ImportParts(JsonObject restApi, JsonObject document, bool overwrite)
    {
        var imported = document["x-amazon-apigateway-documentation"]?["documentationParts"] as JsonArray ?? [];

        if (overwrite)
        {
            Parts(restApi).Clear();
        }

        var ids = new JsonArray();
        foreach (var entry in imported)
        {
            var location = DocumentationLocation.Normalize(entry?["location"]);
            var properties = entry?["properties"] is JsonObject value ? value.ToJsonString() : throw ServiceErrors.BadRequest("invalidDocumentationProperties");
            var existing = Parts(restApi).FirstOrDefault(p => DocumentationLocation.Same(p.Value?["location"], location));
            if (existing.Value is JsonObject part)
            {
                part["properties"] = properties;
                ids.Add(existing.Key);
            }
            else
            {
                ids.Add(AddPart(restApi, location, properties)["id"]!.GetValue<string>());
            }
        }

        return ids;
    }

    /// <summary>
    /// The <c>x-amazon-apigateway-documentation</c> GetExport writes with <c>extensions=documentation</c>:
    /// the snapshot of the documentation version the stage names (its version, creation time and
    /// parts, each a location and a properties object), or <c>null</c> when the stage names none.
    /// </summary>
    public static JsonObject? Published(JsonObject restApi, JsonObject stage)
    {
        if (stage["documentationVersion"]?.GetValue<string>() is not { } name || Versions(restApi)[name] is not JsonObject version)
        {
            return null;
        }

        var parts = (version["parts"] as JsonObject ?? []).Select(p => (JsonNode)new JsonObject
        {
            ["location"] = new JsonObject(p.Value!["location"]!.AsObject().Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value!.DeepClone()))),
            ["properties"] = JsonNode.Parse(p.Value!["properties"]!.GetValue<string>()),
        });
        return new JsonObject
        {
            ["version"] = name,
            ["createdDate"] = DateTimeOffset.FromUnixTimeSeconds(version["createdDate"]!.GetValue<long>()).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["documentationParts"] = new JsonArray(parts.ToArray()),
        };
    }

    private static OperationResult CreateVersion(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var name = input.Required("documentationVersion");
        var versions = Versions(restApi);
        if (versions.ContainsKey(name))
        {
            throw ServiceErrors.Conflict("documentationVersionExists", ("version", name));
        }

        if (input.String("stageName") is { } stageName)
        {
            StageOperations.Get(restApi, stageName)["documentationVersion"] = name;
        }

        var version = new JsonObject { ["version"] = name, ["createdDate"] = Clock.Now() };
        Stored.Copy(input, version, "description");
        version["parts"] = Parts(restApi).DeepClone();
        versions[name] = version;
        return Present(version);
    }

    private static OperationResult UpdateVersion(OperationInput input, GatewayState state)
    {
        var versions = Versions(state.RestApi(input.Required("restApiId")));
        var name = input.Required("documentationVersion");
        Version(state.RestApi(input.Required("restApiId")), name);
        var updated = VersionRules.Apply((JsonObject)versions[name]!, PatchOperation.Read(input));
        versions[name] = updated;
        return Present(updated);
    }
}
