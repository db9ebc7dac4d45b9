using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Model;

/// <summary>
/// The settings a stage's method settings take, addressed by patch paths
/// <c>/{resourcePath}/{httpMethod}/{group}/{name}</c> (<c>/*/*/logging/loglevel</c>, <c>/~1pets/GET/throttling/rateLimit</c>).
/// </summary>
internal sealed class MethodSettingTable
{
    private readonly IReadOnlyDictionary<string, MethodSettingRule> settings;

    private MethodSettingTable(IReadOnlyDictionary<string, MethodSettingRule> settings, IReadOnlyList<string> httpMethods)
    {
        this.settings = settings;
        HttpMethods = httpMethods;
    }

    /// <summary>The setting keys (<c>throttling/rateLimit</c>, ...) in the data's order.</summary>
    public IEnumerable<string> Keys => settings.Keys;

    /// <summary>Every setting.</summary>
    public IEnumerable<MethodSettingRule> All => settings.Values;

    /// <summary>The method segments a path may name: <c>*</c> for every method, or an HTTP method.</summary>
    public IReadOnlyList<string> HttpMethods { get; }

    /// <summary>The setting a patch path ends with, e.g. <c>throttling/rateLimit</c>; <c>null</c> when there is none.</summary>
    public MethodSettingRule? Find(string key) => settings.GetValueOrDefault(key);

    /// <summary>A method's settings as the service shows them before any is set.</summary>
    public JsonObject Defaults() => new(settings.Values.Select(s => KeyValuePair.Create(s.Property, (JsonNode?)s.Default.DeepClone())));

    internal static MethodSettingTable Parse(JsonElement table, OperationModel model)
    {
        var settings = new Dictionary<string, MethodSettingRule>(StringComparer.Ordinal);
        foreach (var setting in table.GetProperty("settings").EnumerateObject())
        {
            var rule = setting.Value;
            var values = rule.TryGetProperty("values", out var list) ? list.EnumerateArray().Select(v => v.GetString()!).ToList()
                : rule.TryGetProperty("enum", out var name) ? model.EnumValues(name.GetString()!)
                : null;
            settings.Add(setting.Name, new MethodSettingRule(
                setting.Name,
                rule.GetProperty("property").GetString()!,
                Type(rule.GetProperty("type").GetString()!),
                values,
                rule.TryGetProperty("minimum", out var min) ? min.GetDouble() : null,
                rule.TryGetProperty("maximum", out var max) ? max.GetDouble() : null,
                JsonNode.Parse(rule.GetProperty("default").GetRawText())!));
        }

        var methods = table.GetProperty("httpMethods").EnumerateArray().Select(m => m.GetString()!).ToList();
        return new MethodSettingTable(new ReadOnlyDictionary<string, MethodSettingRule>(settings), methods);
    }

    private static MemberType Type(string type) => type switch
    {
        "boolean" => MemberType.Boolean,
        "integer" => MemberType.Integer,
        "double" => MemberType.Double,
        "string" => MemberType.String,
        _ => throw new InvalidDataException($"Unknown method setting type '{type}' in the service rules."),
    };
}
