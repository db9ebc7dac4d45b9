using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>API keys. The value is answered on create, and on reads only when asked for.</summary>
internal static class ApiKeyOperations
{
    private const int MinimumValueLength = 20;

    private static readonly PatchRules Rules = PatchRules.For("apiKey");

    public static void Register(OperationTable table)
    {
        table.Add("CreateApiKey", Create);
        table.Add("GetApiKey", (input, state) => Present(Get(state, input.Required("apiKey")), input.Bool("includeValue") == true));
        table.Add("GetApiKeys", (input, state) =>
        {
            var keys = state.ApiKeys.Select(kv => (JsonObject)kv.Value!)
                .Where(k => input.String("nameQuery") is not { } prefix || (k["name"]?.GetValue<string>() ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal))
                .Where(k => input.String("customerId") is not { } customer || k["customerId"]?.GetValue<string>() == customer)
                .Select(k => (JsonNode)Present(k, input.Bool("includeValues") == true));
            return Paging.Page(keys, input);
        });
        table.Add("UpdateApiKey", Update);
        table.Add("DeleteApiKey", Delete);
    }

    public static JsonObject Get(GatewayState state, string id) =>
        state.ApiKeys[id] as JsonObject ?? throw GatewayException.NotFound("Invalid API Key identifier specified");

    private static JsonObject Present(JsonObject key, bool includeValue)
    {
        var answer = key.DeepClone().AsObject();
        if (!includeValue)
        {
            answer.Remove("value");
        }

        return answer;
    }

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var key = Add(state, input.String("value"), input.String("name"), input.Bool("enabled") ?? false, input.String("description"));
        Stored.Copy(input, key, "customerId");
        Tags.CopyOnCreate(input, key);
        foreach (var stageKey in input.Node("stageKeys") as JsonArray ?? [])
        {
            var restApiId = stageKey?["restApiId"]?.GetValue<string>() ?? string.Empty;
            var stageName = stageKey?["stageName"]?.GetValue<string>() ?? string.Empty;
            StageOperations.Get(state.RestApi(restApiId), stageName);
            ((JsonArray)key["stageKeys"]!).Add($"{restApiId}/{stageName}");
        }

        return key.DeepClone().AsObject();
    }

    /// <summary>Stores a new API key (CreateApiKey, ImportApiKeys): a value of at least 20 characters, unique; generated when absent.</summary>
    public static JsonObject Add(GatewayState state, string? value, string? name, bool enabled, string? description)
    {
        value ??= IdGenerator.ApiKeyValue();
        if (value.Length < MinimumValueLength)
        {
            throw GatewayException.BadRequest($"API Key value should be at least {MinimumValueLength} characters");
        }

        if (state.ApiKeys.Any(k => k.Value?["value"]?.GetValue<string>() == value))
        {
            throw GatewayException.Conflict("API Key already exists");
        }

        var now = Clock.Now();
        var id = IdGenerator.Unique(IdGenerator.LongId, state.ApiKeys.ContainsKey);
        var key = new JsonObject
        {
            ["id"] = id,
            ["value"] = value,
            ["name"] = name ?? id,
            ["enabled"] = enabled,
            ["createdDate"] = now,
            ["lastUpdatedDate"] = now,
            ["stageKeys"] = new JsonArray(),
        };
        if (description is not null)
        {
            key["description"] = description;
        }

        state.ApiKeys[id] = key;
        return key;
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var id = input.Required("apiKey");
        var updated = Rules.Apply(Get(state, id), PatchOperation.Read(input));
        updated["lastUpdatedDate"] = Clock.Now();
        state.ApiKeys[id] = updated;
        return Present(updated, includeValue: false);
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var id = input.Required("apiKey");
        Get(state, id);
        state.ApiKeys.Remove(id);
        foreach (var (_, plan) in state.UsagePlans)
        {
            (plan?["keys"] as JsonObject)?.Remove(id);
        }

        return OperationResult.Empty;
    }
}
