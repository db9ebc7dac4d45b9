using System.Text.Json.Nodes;

namespace Petard.Local.Patching;

/// <summary>
/// A stage's method settings, patched with paths <c>/{resourcePath}/{httpMethod}/{group}/{setting}</c>
/// (<c>/*/*/logging/loglevel</c>, <c>/~1pets/GET/throttling/rateLimit</c>) and removed with
/// <c>/{resourcePath}/{httpMethod}</c>. Keys are stored as the service shows them: <c>*/*</c>, <c>pets/GET</c>.
/// </summary>
internal static class MethodSettingsPatch
{
    private static readonly Dictionary<string, (string Property, PatchRules.ScalarKind Kind)> Settings = new(StringComparer.Ordinal)
    {
        ["metrics/enabled"] = ("metricsEnabled", PatchRules.ScalarKind.Boolean),
        ["logging/loglevel"] = ("loggingLevel", PatchRules.ScalarKind.String),
        ["logging/dataTrace"] = ("dataTraceEnabled", PatchRules.ScalarKind.Boolean),
        ["throttling/burstLimit"] = ("throttlingBurstLimit", PatchRules.ScalarKind.Integer),
        ["throttling/rateLimit"] = ("throttlingRateLimit", PatchRules.ScalarKind.Double),
        ["caching/enabled"] = ("cachingEnabled", PatchRules.ScalarKind.Boolean),
        ["caching/ttlInSeconds"] = ("cacheTtlInSeconds", PatchRules.ScalarKind.Integer),
        ["caching/dataEncrypted"] = ("cacheDataEncrypted", PatchRules.ScalarKind.Boolean),
        ["caching/requireAuthorizationForCacheControl"] = ("requireAuthorizationForCacheControl", PatchRules.ScalarKind.Boolean),
        ["caching/unauthorizedCacheControlHeaderStrategy"] = ("unauthorizedCacheControlHeaderStrategy", PatchRules.ScalarKind.String),
    };

    /// <summary>Takes the operation when its path addresses a method setting.</summary>
    public static bool TryApply(JsonObject stage, PatchOperation operation)
    {
        // The raw path is split before unescaping: "~1" hides the slashes of a resource path.
        var raw = operation.Path.Split('/').Skip(1).ToList();
        if (raw.Count >= 4 && Settings.TryGetValue(raw[^2] + "/" + raw[^1], out var setting))
        {
            var key = Key(raw.Take(raw.Count - 2).ToList());
            var settings = MethodSettings(stage);
            var entry = settings[key] as JsonObject ?? Defaults();
            settings[key] = entry;
            switch (operation.Op)
            {
                case "replace" or "add":
                    var value = PatchRules.ToValue(operation, setting.Kind);
                    if (setting.Property == "loggingLevel" && value.GetValue<string>() is not ("OFF" or "ERROR" or "INFO"))
                    {
                        throw GatewayException.BadRequest($"Invalid logging level '{operation.Value}': use OFF, ERROR or INFO.");
                    }

                    entry[setting.Property] = value;
                    break;
                case "remove":
                    entry[setting.Property] = Defaults()[setting.Property]!.DeepClone();
                    break;
                default:
                    throw PatchRules.InvalidPath(operation);
            }

            return true;
        }

        if (raw.Count == 2 && operation.Op == "remove" && raw[1] is "*" or "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" or "ANY")
        {
            MethodSettings(stage).Remove(Key(raw));
            return true;
        }

        return false;
    }

    private static string Key(List<string> raw)
    {
        var method = raw[^1];
        var resourcePath = PatchOperation.Unescape(string.Join("/", raw.Take(raw.Count - 1))).TrimStart('/');
        return resourcePath + "/" + method;
    }

    private static JsonObject MethodSettings(JsonObject stage)
    {
        if (stage["methodSettings"] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        stage["methodSettings"] = created;
        return created;
    }

    private static JsonObject Defaults() => new()
    {
        ["metricsEnabled"] = false,
        ["loggingLevel"] = "OFF",
        ["dataTraceEnabled"] = false,
        ["throttlingBurstLimit"] = 5000,
        ["throttlingRateLimit"] = 10000.0,
        ["cachingEnabled"] = false,
        ["cacheTtlInSeconds"] = 300,
        ["cacheDataEncrypted"] = false,
        ["requireAuthorizationForCacheControl"] = true,
        ["unauthorizedCacheControlHeaderStrategy"] = "SUCCEED_WITH_RESPONSE_HEADER",
    };
}
