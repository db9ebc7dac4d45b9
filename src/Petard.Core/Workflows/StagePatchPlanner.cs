using System.Globalization;
using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// The smallest set of <c>UpdateStage</c> patch operations that turns the stage the service has into
/// the stage the request declares. Settings the request leaves unset are not touched.
/// </summary>
internal static class StagePatchPlanner
{
    // Patch path suffix (group/name) -> the key the service reports under methodSettings.
    private static readonly Dictionary<string, string> MethodSettingKeys = new(StringComparer.Ordinal)
    {
        ["metrics/enabled"] = "metricsEnabled",
        ["logging/loglevel"] = "loggingLevel",
        ["logging/dataTrace"] = "dataTraceEnabled",
        ["throttling/burstLimit"] = "throttlingBurstLimit",
        ["throttling/rateLimit"] = "throttlingRateLimit",
        ["caching/enabled"] = "cachingEnabled",
        ["caching/ttlInSeconds"] = "cacheTtlInSeconds",
        ["caching/dataEncrypted"] = "cacheDataEncrypted",
        ["caching/requireAuthorizationForCacheControl"] = "requireAuthorizationForCacheControl",
        ["caching/unauthorizedCacheControlHeaderStrategy"] = "unauthorizedCacheControlHeaderStrategy",
    };

    // The values the service accepts for each setting (its MethodSetting reference), checked before any call.
    private static readonly Dictionary<string, (Func<string, bool> Accepts, string Expected)> MethodSettingValues = new(StringComparer.Ordinal)
    {
        ["metrics/enabled"] = (IsBool, "true or false"),
        ["logging/loglevel"] = (v => v is "OFF" or "ERROR" or "INFO", "OFF, ERROR or INFO"),
        ["logging/dataTrace"] = (IsBool, "true or false"),
        ["throttling/burstLimit"] = (v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a whole number, e.g. 100"),
        ["throttling/rateLimit"] = (v => double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), "a number of requests per second, e.g. 50.5"),
        ["caching/enabled"] = (IsBool, "true or false"),
        ["caching/ttlInSeconds"] = (v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) && ttl <= 3600, "0 to 3600 seconds"),
        ["caching/dataEncrypted"] = (IsBool, "true or false"),
        ["caching/requireAuthorizationForCacheControl"] = (IsBool, "true or false"),
        ["caching/unauthorizedCacheControlHeaderStrategy"] = (v => v is "FAIL_WITH_403" or "SUCCEED_WITH_RESPONSE_HEADER" or "SUCCEED_WITHOUT_RESPONSE_HEADER", "FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or SUCCEED_WITHOUT_RESPONSE_HEADER"),
    };

    /// <summary>Checks method setting paths and values before any call.</summary>
    public static void ValidateMethodSettings(IDictionary<string, string>? methodSettings)
    {
        foreach (var (path, value) in methodSettings ?? new Dictionary<string, string>())
        {
            _ = ParseMethodSetting(path);
            var setting = string.Join('/', path.TrimStart('/').Split('/')[2..]);
            var (accepts, expected) = MethodSettingValues[setting];
            if (value is null || !accepts(value))
            {
                throw new PetardException(PetardErrorCodes.InvalidInput, $"The method setting '{path}' has the value '{value}', which the service does not accept: use {expected}.");
            }
        }
    }

    private static bool IsBool(string value) => bool.TryParse(value, out _);

    /// <param name="stage">The stage as GetStage returned it; an empty object for a stage just created.</param>
    /// <param name="request">The declared settings.</param>
    /// <param name="deploymentId">The deployment the stage should serve, if it should change.</param>
    public static IReadOnlyList<StagePatch> Plan(Resource stage, StageSettingsRequest request, string? deploymentId)
    {
        var patches = new List<StagePatch>();
        Replace(patches, "/deploymentId", stage.GetString("deploymentId"), deploymentId, "stage deployment");
        Replace(patches, "/description", stage.GetString("description"), request.StageDescription, "stage description");
        PlanVariables(patches, stage["variables"], request.Variables);
        Replace(patches, "/tracingEnabled", Flag(stage["tracingEnabled"]), Bool(request.TracingEnabled), "tracing");
        Replace(patches, "/cacheClusterEnabled", Flag(stage["cacheClusterEnabled"]), Bool(request.CacheClusterEnabled), "cache cluster");
        Replace(patches, "/cacheClusterSize", stage.GetString("cacheClusterSize"), request.CacheClusterSize, "cache cluster size");
        PlanMethodSettings(patches, stage["methodSettings"], request.MethodSettings);
        return patches;
    }

    private static void PlanVariables(List<StagePatch> patches, JsonElement current, IDictionary<string, string>? declared)
    {
        if (declared is null)
        {
            return;
        }

        var existing = current.ValueKind == JsonValueKind.Object
            ? current.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in declared.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Replace(patches, $"/variables/{name}", existing.GetValueOrDefault(name), value, $"stage variable {name}");
        }

        foreach (var name in existing.Keys.Where(n => !declared.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            patches.Add(new StagePatch("remove", $"/variables/{name}", null, $"removed stage variable {name}"));
        }
    }

    private static void PlanMethodSettings(List<StagePatch> patches, JsonElement current, IDictionary<string, string>? declared)
    {
        foreach (var (path, value) in (declared ?? new Dictionary<string, string>()).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var (methodKey, settingKey) = ParseMethodSetting(path);
            var existing = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(methodKey, out var method) && method.ValueKind == JsonValueKind.Object && method.TryGetProperty(settingKey, out var setting)
                ? setting
                : default;
            if (!SameValue(existing, value))
            {
                patches.Add(new StagePatch("replace", "/" + path.TrimStart('/'), value, $"method setting {path.TrimStart('/')}: {Show(Text(existing))} -> {value}"));
            }
        }
    }

    /// <summary>Splits <c>{resourcePath}/{httpMethod}/{group}/{name}</c> into the methodSettings key and setting key.</summary>
    private static (string MethodKey, string SettingKey) ParseMethodSetting(string path)
    {
        var parts = path.TrimStart('/').Split('/');
        if (parts.Length != 4 || parts[0].Length == 0 || parts[1].Length == 0 || !MethodSettingKeys.TryGetValue($"{parts[2]}/{parts[3]}", out var settingKey))
        {
            throw new PetardException(PetardErrorCodes.InvalidInput, $"The method setting '{path}' is not valid: write it as resourcePath/httpMethod/setting with '~1' for '/' in the path, e.g. '*/*/throttling/rateLimit' or '~1pets/GET/logging/loglevel'. Settings: {string.Join(", ", MethodSettingKeys.Keys)}.");
        }

        // The service keys methodSettings by the unescaped resource path without its leading '/': "pets/GET", "*/*".
        return ($"{parts[0].Replace("~1", "/", StringComparison.Ordinal).TrimStart('/')}/{parts[1]}", settingKey);
    }

    private static bool SameValue(JsonElement existing, string declared) => existing.ValueKind switch
    {
        JsonValueKind.Number => double.TryParse(declared, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == existing.GetDouble(),
        JsonValueKind.True or JsonValueKind.False => bool.TryParse(declared, out var flag) && flag == existing.GetBoolean(),
        JsonValueKind.String => existing.GetString() == declared,
        _ => false,
    };

    private static void Replace(List<StagePatch> patches, string path, string? current, string? declared, string what)
    {
        if (declared is not null && !string.Equals(current, declared, StringComparison.Ordinal))
        {
            patches.Add(new StagePatch("replace", path, declared, $"{what}: {Show(current)} -> {declared}"));
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => value.ToString(),
    };

    // The service may leave a false flag out of its answer.
    private static string Flag(JsonElement value) => value.ValueKind == JsonValueKind.True ? "true" : "false";

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string Show(string? value) => value ?? "(none)";
}
