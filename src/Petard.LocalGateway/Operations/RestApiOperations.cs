using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.OpenApi;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>RestApi CRUD, and PutRestApi/ImportRestApi from OpenAPI definitions.</summary>
internal static class RestApiOperations
{
    private static readonly PatchRules Rules = PatchRules.For("restApi")
        .Handle("endpointType", EndpointConfigurationPatch.ReplaceApiType)
        .Handle("vpcEndpointIds", EndpointConfigurationPatch.ChangeVpcEndpoints);

    public static void Register(OperationTable table)
    {
        table.Add("CreateRestApi", Create);
        table.Add("GetRestApi", (input, state) => Api(state, input.Required("restApiId")));
        table.Add("GetRestApis", (input, state) => Paging.Page(state.RestApis.Select(kv => kv.Value!["api"]!), input));
        table.Add("DeleteRestApi", Delete);
        table.Add("UpdateRestApi", Update);
        table.Add("PutRestApi", Put);
        table.Add("ImportRestApi", Import);
    }

    public static JsonObject Api(GatewayState state, string restApiId) => (JsonObject)state.RestApi(restApiId)["api"]!;

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        CheckPolicy(input.String("policy"));
        var api = NewApi(state, input.Required("name"));
        foreach (var name in new[] { "description", "version", "policy", "apiKeySource" })
        {
            if (input.String(name) is { } value)
            {
                api[name] = value;
            }
        }

        Stored.Copy(input, api, "binaryMediaTypes", "minimumCompressionSize", "endpointConfiguration", "disableExecuteApiEndpoint");
        Tags.CopyOnCreate(input, api);
        ModelOperations.AddDefaults(state.RestApi(api["id"]!.GetValue<string>())); // ImportRestApi's API has only its definition's models

        return api.DeepClone().AsObject();
    }

    // The service keeps the resource policy as a JSON string and refuses one that is not a JSON object.
    private static void CheckPolicy(string? policy)
    {
        if (policy is null)
        {
            return;
        }

        try
        {
            if (JsonNode.Parse(policy) is JsonObject)
            {
                return;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // falls through to the service's answer
        }

        throw ServiceErrors.BadRequest("invalidPolicy");
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var id = input.Required("restApiId");
        state.RestApi(id);
        state.RestApis.Remove(id);
        return OperationResult.Empty;
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var tree = state.RestApi(input.Required("restApiId"));
        var updated = Rules.Apply((JsonObject)tree["api"]!, PatchOperation.Read(input));
        CheckPolicy(updated["policy"]?.GetValue<string>());
        tree["api"] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult Put(OperationInput input, GatewayState state)
    {
        var definition = OpenApiDocument.Parse(input.Payload, input.Operation.Name); // the service reads the document before the API
        var tree = state.RestApi(input.Required("restApiId"));
        var mode = input.String("mode") ?? ServiceRules.Default.DefaultPutMode;

        var warnings = OpenApiImporter.Import(definition, tree, overwrite: mode == "overwrite");
        FailOnWarnings(input, warnings);
        return WithWarnings(Api(state, input.Required("restApiId")), warnings);
    }

    private static OperationResult Import(OperationInput input, GatewayState state)
    {
        var definition = OpenApiDocument.Parse(input.Payload, input.Operation.Name);
        var title = OpenApiImporter.Title(definition)
            ?? throw GatewayException.BadRequest("Invalid OpenAPI input: the definition has no info.title; API Gateway names the imported API after it.");
        var api = NewApi(state, title);
        if (input.Map("parameters")?["endpointConfigurationTypes"]?.GetValue<string>() is { } endpointType)
        {
            if (endpointType is not ("EDGE" or "REGIONAL" or "PRIVATE"))
            {
                throw GatewayException.BadRequest($"Invalid endpointConfigurationTypes '{endpointType}': use EDGE, REGIONAL or PRIVATE.");
            }

            api["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(endpointType), ["ipAddressType"] = "ipv4" };
        }

        var tree = state.RestApi(api["id"]!.GetValue<string>());
        var warnings = OpenApiImporter.Import(definition, tree, overwrite: true);
        FailOnWarnings(input, warnings); // the pipeline rolls the new API back when this throws
        return WithWarnings(Api(state, api["id"]!.GetValue<string>()), warnings);
    }

    private static void FailOnWarnings(OperationInput input, IReadOnlyList<string> warnings)
    {
        if (input.Bool("failOnWarnings") == true && warnings.Count > 0)
        {
            throw ServiceErrors.BadRequest("importWarnings", ("warnings", string.Join("\n\t", warnings)));
        }
    }

    private static JsonObject WithWarnings(JsonObject api, IReadOnlyList<string> warnings)
    {
        var answer = api.DeepClone().AsObject();
        if (warnings.Count > 0)
        {
            answer["warnings"] = new JsonArray(warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray());
        }

        return answer;
    }

    /// <summary>Creates a rest API with its root resource, as CreateRestApi does.</summary>
    public static JsonObject NewApi(GatewayState state, string name)
    {
        var id = IdGenerator.Unique(IdGenerator.LongId, state.RestApis.ContainsKey);
        var rootId = IdGenerator.LongId();
        var api = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["createdDate"] = Clock.Now(),
            ["apiKeySource"] = "HEADER",
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("EDGE"), ["ipAddressType"] = "ipv4" },
            ["disableExecuteApiEndpoint"] = false,
            ["rootResourceId"] = rootId,
        };
        state.RestApis[id] = new JsonObject
        {
            ["api"] = api,
            ["resources"] = new JsonObject { [rootId] = new JsonObject { ["id"] = rootId, ["path"] = "/" } },
        };
        return api;
    }
}
