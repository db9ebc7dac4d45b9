using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>Usage plans, the API stages they cover, and the API keys in them.</summary>
internal static class UsagePlanOperations
{
    public static void Register(OperationTable table)
    {
        table.Add("CreateUsagePlan", Create);
        table.Add("GetUsagePlan", (input, state) => Plan(state, input.Required("usagePlanId"))["plan"]!.DeepClone().AsObject());
        table.Add("GetUsagePlans", (input, state) =>
        {
            var plans = state.UsagePlans.Select(kv => (JsonObject)kv.Value!)
                .Where(p => input.String("keyId") is not { } keyId || (p["keys"] as JsonObject)?.ContainsKey(keyId) == true)
                .Select(p => p["plan"]!);
            return Paging.Page(plans, input);
        });
        table.Add("UpdateUsagePlan", Update);
        table.Add("DeleteUsagePlan", (input, state) => Stored.Remove(state.UsagePlans, input.Required("usagePlanId"), "Invalid Usage Plan ID specified"));

        table.Add("CreateUsagePlanKey", CreateKey);
        table.Add("GetUsagePlanKey", (input, state) => Key(state, input).DeepClone().AsObject());
        table.Add("GetUsagePlanKeys", (input, state) =>
        {
            var keys = GatewayState.Collection(Plan(state, input.Required("usagePlanId")), "keys").Select(kv => (JsonObject)kv.Value!)
                .Where(k => input.String("nameQuery") is not { } prefix || (k["name"]?.GetValue<string>() ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal));
            return Paging.Page(keys, input);
        });
        table.Add("DeleteUsagePlanKey", (input, state) =>
            Stored.Remove(GatewayState.Collection(Plan(state, input.Required("usagePlanId")), "keys"), input.Required("keyId"), "Invalid Usage Plan Key ID specified"));
    }

    public static JsonObject Plan(GatewayState state, string id) =>
        state.UsagePlans[id] as JsonObject ?? throw GatewayException.NotFound("Invalid Usage Plan ID specified");

    private static JsonObject Key(GatewayState state, OperationInput input) =>
        GatewayState.Collection(Plan(state, input.Required("usagePlanId")), "keys")[input.Required("keyId")] as JsonObject
            ?? throw GatewayException.NotFound("Invalid Usage Plan Key ID specified");

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var id = IdGenerator.Unique(IdGenerator.ShortId, state.UsagePlans.ContainsKey);
        var plan = new JsonObject { ["id"] = id, ["name"] = input.Required("name"), ["apiStages"] = new JsonArray() };
        Stored.Copy(input, plan, "description", "throttle", "quota");
        Tags.CopyOnCreate(input, plan);
        foreach (var apiStage in input.Node("apiStages") as JsonArray ?? [])
        {
            var apiId = apiStage?["apiId"]?.GetValue<string>() ?? string.Empty;
            var stage = apiStage?["stage"]?.GetValue<string>() ?? string.Empty;
            CheckStage(state, apiId, stage);
            ((JsonArray)plan["apiStages"]!).Add(apiStage!.DeepClone());
        }

        state.UsagePlans[id] = new JsonObject { ["plan"] = plan, ["keys"] = new JsonObject() };
        return plan.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var tree = Plan(state, input.Required("usagePlanId"));
        var rules = PatchRules.For("usagePlan")
            .Handle("apiStages", (plan, operation) => PatchApiStages(state, plan, operation))
            .Handle("apiStageThrottle", PatchStageThrottle);
        var updated = rules.Apply((JsonObject)tree["plan"]!, PatchOperation.Read(input));
        tree["plan"] = updated;
        return updated.DeepClone().AsObject();
    }

    // "/apiStages" with op add/remove and value "apiId:stage".
    private static bool PatchApiStages(GatewayState state, JsonObject plan, PatchOperation operation)
    {
        if (operation.Path != "/apiStages" || operation.Op is not ("add" or "remove"))
        {
            return false;
        }

        var parts = (operation.Value ?? string.Empty).Split(':');
        if (parts.Length != 2)
        {
            throw ServiceErrors.BadRequest("invalidApiStage", ("value", operation.Value ?? string.Empty));
        }

        var stages = (JsonArray)plan["apiStages"]!;
        var existing = stages.FirstOrDefault(s => s?["apiId"]?.GetValue<string>() == parts[0] && s?["stage"]?.GetValue<string>() == parts[1]);
        if (operation.Op == "add" && existing is null)
        {
            CheckStage(state, parts[0], parts[1]);
            stages.Add(new JsonObject { ["apiId"] = parts[0], ["stage"] = parts[1] });
        }
        else if (operation.Op == "remove")
        {
            stages.Remove(existing ?? throw ServiceErrors.NotFound("apiStageNotInPlan", ("value", operation.Value!)));
        }

        return true;
    }

    // "/apiStages/{apiId}:{stage}/throttle/{resourcePath}/{httpMethod}/rateLimit" (or burstLimit), op replace:
    // one method's throttle in the plan's stage, stored under the key "{resourcePath}/{httpMethod}" (/pets/GET).
    // The resource path comes with its leading slash (throttle//pets/GET/...) or escaped (throttle/~1pets/GET/...).
    private static bool PatchStageThrottle(JsonObject plan, PatchOperation operation)
    {
        const string Prefix = "/apiStages/", Marker = "/throttle/";
        var marker = operation.Path.IndexOf(Marker, StringComparison.Ordinal);
        if (!operation.Path.StartsWith(Prefix, StringComparison.Ordinal) || marker < 0)
        {
            return false;
        }

        var apiStage = operation.Path[Prefix.Length..marker];
        var rest = JsonPointer.Unescape(operation.Path[(marker + Marker.Length)..]);
        var limit = rest[(rest.LastIndexOf('/') + 1)..];
        var key = rest[..Math.Max(0, rest.LastIndexOf('/'))];
        key = key.StartsWith('/') ? key : "/" + key;
        if (limit is not ("rateLimit" or "burstLimit") || key.LastIndexOf('/') <= 0)
        {
            throw ServiceErrors.BadRequest("invalidApiStageThrottlePath", ("path", operation.Path));
        }

        var entry = ((JsonArray)plan["apiStages"]!).OfType<JsonObject>().FirstOrDefault(s => $"{s["apiId"]?.GetValue<string>()}:{s["stage"]?.GetValue<string>()}" == apiStage)
            ?? throw ServiceErrors.NotFound("apiStageNotInPlan", ("value", apiStage));
        var throttle = entry["throttle"] as JsonObject ?? (JsonObject)(entry["throttle"] = new JsonObject());
        var method = throttle[key] as JsonObject ?? (JsonObject)(throttle[key] = new JsonObject());
        method[limit] = PatchRules.ToValue(operation, limit == "rateLimit" ? PatchValueKind.Double : PatchValueKind.Integer);
        return true;
    }

    private static OperationResult CreateKey(OperationInput input, GatewayState state)
    {
        var keys = GatewayState.Collection(Plan(state, input.Required("usagePlanId")), "keys");
        if (input.Required("keyType") != "API_KEY")
        {
            throw GatewayException.BadRequest($"Invalid key type '{input.String("keyType")}': the only key type is API_KEY.");
        }

        var apiKey = ApiKeyOperations.Get(state, input.Required("keyId"));
        var keyId = input.Required("keyId");
        if (keys.ContainsKey(keyId))
        {
            throw GatewayException.Conflict($"Usage Plan {input.Required("usagePlanId")} cannot be added because API Key {keyId} is already in it.");
        }

        var key = new JsonObject { ["id"] = keyId, ["type"] = "API_KEY", ["value"] = apiKey["value"]!.DeepClone(), ["name"] = apiKey["name"]!.DeepClone() };
        keys[keyId] = key;
        return key.DeepClone().AsObject();
    }

    private static void CheckStage(GatewayState state, string apiId, string stage)
    {
        if (state.RestApis[apiId] is not JsonObject restApi || GatewayState.Collection(restApi, "stages")[stage] is null)
        {
            throw GatewayException.BadRequest($"Invalid stage identifier specified: API {apiId}, stage {stage}.");
        }
    }
}
