using System.Globalization;

namespace Petard.Workflows;

/// <summary>The method settings the service has: the key it reports each under, and the values it accepts.</summary>
internal static class MethodSettingTable
{
    private static readonly Dictionary<string, MethodSettingRule> Rules = new(StringComparer.Ordinal)
    {
        ["metrics/enabled"] = new("metricsEnabled", IsBool, "true or false"),
        ["logging/loglevel"] = new("loggingLevel", v => v is "OFF" or "ERROR" or "INFO", "OFF, ERROR or INFO"),
        ["logging/dataTrace"] = new("dataTraceEnabled", IsBool, "true or false"),
        ["throttling/burstLimit"] = new("throttlingBurstLimit", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a whole number, e.g. 100"),
        ["throttling/rateLimit"] = new("throttlingRateLimit", v => double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), "a number of requests per second, e.g. 50.5"),
        ["caching/enabled"] = new("cachingEnabled", IsBool, "true or false"),
        ["caching/ttlInSeconds"] = new("cacheTtlInSeconds", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) && ttl <= 3600, "0 to 3600 seconds"),
        ["caching/dataEncrypted"] = new("cacheDataEncrypted", IsBool, "true or false"),
        ["caching/requireAuthorizationForCacheControl"] = new("requireAuthorizationForCacheControl", IsBool, "true or false"),
        ["caching/unauthorizedCacheControlHeaderStrategy"] = new("unauthorizedCacheControlHeaderStrategy", v => v is "FAIL_WITH_403" or "SUCCEED_WITH_RESPONSE_HEADER" or "SUCCEED_WITHOUT_RESPONSE_HEADER", "FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or SUCCEED_WITHOUT_RESPONSE_HEADER"),
    };

    /// <summary>Every setting's patch path suffix.</summary>
    public static IEnumerable<string> Settings => Rules.Keys;

    /// <summary>The rule of a setting (<c>throttling/rateLimit</c>), or null when the service has no such setting.</summary>
    public static MethodSettingRule? Find(string setting) => Rules.GetValueOrDefault(setting);

    private static bool IsBool(string value) => bool.TryParse(value, out _);
}

/// <summary>One method setting: the key the stage's <c>methodSettings</c> reports it under, and the values it takes.</summary>
/// <param name="Key">The key, e.g. <c>throttlingRateLimit</c>.</param>
/// <param name="Accepts">Whether the service takes a value.</param>
/// <param name="Expected">The values it takes, in words.</param>
internal sealed record MethodSettingRule(string Key, Func<string, bool> Accepts, string Expected);
