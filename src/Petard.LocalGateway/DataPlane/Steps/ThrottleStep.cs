using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// Throttling and quotas as the service applies them: the usage plan's per-key throttle and quota,
/// then the stage's method settings (<c>path/METHOD</c>, else <c>*/*</c>). A token bucket per limit:
/// <c>burstLimit</c> tokens, refilled at <c>rateLimit</c> per second. Over a limit: 429.
/// </summary>
internal sealed class ThrottleStep(TimeProvider time, UsageLedger usage) : IInvocationStep, State.IVolatileState
{
    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Drops every bucket (a reset of the emulator): each limit starts full again.</summary>
    public void Clear() => buckets.Clear();

    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.Request;
        if (invocation.UsagePlan is { } plan)
        {
            var planId = plan["id"]!.ToString();
            Throttle($"plan:{planId}:{invocation.ApiKeyId}", plan["throttle"]?["rateLimit"], plan["throttle"]?["burstLimit"]);
            Quota(planId, invocation.ApiKeyId!, plan["quota"] as JsonObject);
        }

        var settings = invocation.Stage["methodSettings"] as JsonObject ?? [];
        var methodKey = $"{invocation.ResourcePath.TrimStart('/')}/{invocation.Method?["httpMethod"]}";
        if ((settings[methodKey] ?? settings["*/*"]) is JsonObject setting)
        {
            Throttle($"stage:{request.RestApiId}:{request.Stage}:{methodKey}", setting["throttlingRateLimit"], setting["throttlingBurstLimit"]);
        }

        return Task.CompletedTask;
    }

    private void Throttle(string key, JsonNode? rate, JsonNode? burst)
    {
        if (!double.TryParse(rate?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond)
            || !int.TryParse(burst?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity))
        {
            return;
        }

        var bucket = buckets.GetOrAdd(key, _ => new TokenBucket(capacity, perSecond, time));
        if (!bucket.TryTake())
        {
            throw new GatewayResponseException("THROTTLED", 429, "Too Many Requests", $"{key} is over {perSecond}/s with a burst of {capacity}.");
        }
    }

    // A request the quota lets through counts (GetUsage reports it); once the period's limit is used up, 429.
    private void Quota(string planId, string keyId, JsonObject? quota)
    {
        if (quota is not null && int.TryParse(quota["limit"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
        {
            var period = quota["period"]?.ToString();
            if (usage.Remaining(planId, keyId, period, limit, usage.Today) <= 0)
            {
                throw new GatewayResponseException("QUOTA_EXCEEDED", 429, "Limit Exceeded", $"{planId}:{keyId} used its quota of {limit} for the {period?.ToLowerInvariant() ?? "day"}.");
            }
        }

        usage.Count(planId, keyId);
    }
}
