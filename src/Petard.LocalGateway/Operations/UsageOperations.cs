using System.Globalization;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// GetUsage and UpdateUsage of a usage plan: per key and day, <c>[used, remaining]</c> against the
/// plan's quota. The control plane counts no requests, so used is 0 and remaining is the quota's
/// limit, or what UpdateUsage set (<c>usagePlans.{id}.usage.{keyId}</c>).
/// </summary>
internal static class UsageOperations
{
    private const string DateFormat = "yyyy-MM-dd";
    private const int MaxDays = 90;

    public static void Register(OperationTable table)
    {
        table.Add("GetUsage", GetUsage);
        table.Add("UpdateUsage", UpdateUsage);
    }

    private static OperationResult GetUsage(OperationInput input, GatewayState state)
    {
        var planId = input.Required("usagePlanId");
        var tree = UsagePlanOperations.Plan(state, planId);
        var start = Date(input, "startDate");
        var end = Date(input, "endDate");
        if (end < start)
        {
            throw ServiceErrors.BadRequest("usageDateRange", ("startDate", input.Required("startDate")), ("endDate", input.Required("endDate")));
        }

        var days = Math.Min(end.DayNumber - start.DayNumber + 1, MaxDays);
        var keys = GatewayState.Collection(tree, "keys").Select(kv => kv.Key);
        if (input.String("keyId") is { } keyId)
        {
            keys = keys.Where(k => k == keyId);
        }

        var values = new JsonObject();
        foreach (var key in keys)
        {
            var remaining = Remaining(tree, key);
            values[key] = new JsonArray(Enumerable.Range(0, days).Select(_ => (JsonNode)new JsonArray(0, remaining)).ToArray());
        }

        return Usage(planId, start, end, values);
    }

    private static OperationResult UpdateUsage(OperationInput input, GatewayState state)
    {
        var planId = input.Required("usagePlanId");
        var tree = UsagePlanOperations.Plan(state, planId);
        var keyId = input.Required("keyId");
        if (!GatewayState.Collection(tree, "keys").ContainsKey(keyId))
        {
            throw ServiceErrors.NotFound("usageKeyNotInPlan");
        }

        foreach (var operation in PatchOperation.Read(input))
        {
            PatchRules.Find("usage", operation);
            if (!int.TryParse(operation.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
            {
                throw ServiceErrors.BadRequest("invalidUsagePatch", ("op", operation.Op), ("path", operation.Path));
            }

            GatewayState.Collection(tree, "usage")[keyId] = remaining;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Usage(planId, today, today, new JsonObject { [keyId] = new JsonArray(new JsonArray(0, Remaining(tree, keyId))) });
    }

    private static int Remaining(JsonObject tree, string keyId) =>
        tree["usage"]?[keyId]?.GetValue<int>() ?? tree["plan"]?["quota"]?["limit"]?.GetValue<int>() ?? 0;

    // The Usage shape: its per-key map goes on the wire as "values".
    private static JsonObject Usage(string planId, DateOnly start, DateOnly end, JsonObject values) => new()
    {
        ["usagePlanId"] = planId,
        ["startDate"] = start.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["endDate"] = end.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["values"] = values,
    };

    private static DateOnly Date(OperationInput input, string member)
    {
        var text = input.Required(member);
        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ServiceErrors.BadRequest("invalidUsageDate", ("member", member), ("value", text));
    }
}
