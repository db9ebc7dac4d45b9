using System.Globalization;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// GetUsage and UpdateUsage of a usage plan: per key and day, <c>[used, remaining]</c> against the
/// plan's quota, from the <see cref="UsageLedger"/> the data plane counts in. Used is what it let
/// through that day; remaining the quota's limit less what its period used, or what UpdateUsage
/// set less what was used since (which the quota enforces).
/// </summary>
internal static class UsageOperations
{
    private const string DateFormat = "yyyy-MM-dd";
    private const int MaxDays = 90;

    public static void Register(OperationTable table, UsageLedger usage)
    {
        table.Add("GetUsage", (input, state) => GetUsage(input, state, usage));
        table.Add("UpdateUsage", (input, state) => UpdateUsage(input, state, usage));
    }

    private static OperationResult GetUsage(OperationInput input, GatewayState state, UsageLedger usage)
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
        var (period, limit) = Quota(tree);
        foreach (var key in keys)
        {
            values[key] = new JsonArray(Enumerable.Range(0, days).Select(d => start.AddDays(d)).Select(day => (JsonNode)new JsonArray(
                usage.Used(planId, key, day),
                usage.Remaining(planId, key, period, limit, day))).ToArray());
        }

        return Usage(planId, start, end, values);
    }

    private static OperationResult UpdateUsage(OperationInput input, GatewayState state, UsageLedger usage)
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

            usage.SetRemaining(planId, keyId, Quota(tree).Period, remaining);
        }

        var today = usage.Today;
        var (period, limit) = Quota(tree);
        return Usage(planId, today, today, new JsonObject { [keyId] = new JsonArray(new JsonArray(usage.Used(planId, keyId, today), usage.Remaining(planId, keyId, period, limit, today))) });
    }

    private static (string? Period, int Limit) Quota(JsonObject tree) =>
        (tree["plan"]?["quota"]?["period"]?.ToString(), tree["plan"]?["quota"]?["limit"]?.GetValue<int>() ?? 0);

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
