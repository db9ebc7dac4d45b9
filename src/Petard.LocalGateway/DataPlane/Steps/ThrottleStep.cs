using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// Throttling and quotas as the service applies them: the usage plan's per-key throttle and quota,
/// then the stage's method settings (<c>path/METHOD</c>, else <c>*/*</c>). A token bucket per limit:
/// <c>burstLimit</c> tokens, refilled at <c>rateLimit</c> per second. Over a limit: 429.
/// </summary>
internal sealed class ThrottleStep(TimeProvider time) : IInvocationStep
{
    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> quotaUsed = new(StringComparer.Ordinal);

    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.Request;
        if (invocation.UsagePlan is { } plan)
        {
            var planId = plan["id"]!.ToString();
            Throttle($"plan:{planId}:{invocation.ApiKeyId}", plan["throttle"]?["rateLimit"], plan["throttle"]?["burstLimit"]);
            Quota($"{planId}:{invocation.ApiKeyId}", plan["quota"] as JsonObject);
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

    private void Quota(string key, JsonObject? quota)
    {
        if (quota is null || !int.TryParse(quota["limit"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
        {
            return;
        }

        var now = time.GetUtcNow();
        var period = quota["period"]?.ToString() switch
        {
            "WEEK" => now.AddDays(-(int)now.DayOfWeek).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "MONTH" => now.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (quotaUsed.AddOrUpdate($"{key}:{period}", 1, (_, used) => used + 1) > limit)
        {
            throw new GatewayResponseException("QUOTA_EXCEEDED", 429, "Limit Exceeded", $"{key} used its quota of {limit} for {period}.");
        }
    }
}
