using System.Text.Json.Nodes;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Patching;

/// <summary>
/// A stage's method settings, patched with paths <c>/{resourcePath}/{httpMethod}/{group}/{setting}</c>
/// (<c>/*/*/logging/loglevel</c>, <c>/~1pets/GET/throttling/rateLimit</c>) and removed with
/// <c>/{resourcePath}/{httpMethod}</c>. Keys are stored as the service shows them: <c>*/*</c>, <c>pets/GET</c>.
/// Which settings exist and what they take is the shared table (<see cref="ServiceRules.MethodSettings"/>).
/// </summary>
internal static class MethodSettingsPatch
{
    private static MethodSettingTable Table => ServiceRules.Default.MethodSettings;

    /// <summary>Takes the operation when its path addresses a method setting.</summary>
    public static bool TryApply(JsonObject stage, PatchOperation operation)
    {
        // The raw path is split before unescaping: "~1" hides the slashes of a resource path.
        var raw = operation.Path.Split('/').Skip(1).ToList();
        if (raw.Count >= 4 && Table.Find(raw[^2] + "/" + raw[^1]) is { } setting)
        {
            var key = Key(raw.Take(raw.Count - 2).ToList());
            var settings = MethodSettings(stage);
            var entry = settings[key] as JsonObject ?? Table.Defaults();
            settings[key] = entry;
            switch (operation.Op)
            {
                case "replace" or "add":
                    entry[setting.Property] = RuleChecks.MethodSettingValue(setting, operation.Path, operation.Value);
                    break;
                case "remove":
                    entry[setting.Property] = setting.Default.DeepClone();
                    break;
                default:
                    throw PatchRules.InvalidValue(operation);
            }

            return true;
        }

        if (raw.Count == 2 && operation.Op == "remove" && Table.HttpMethods.Contains(raw[1], StringComparer.Ordinal))
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
}
