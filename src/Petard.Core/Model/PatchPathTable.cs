using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>
/// Every documented PATCH path of every patchable resource kind (<c>restApi</c>, <c>stage</c>,
/// <c>usagePlan</c>, ...), read from the <c>patchPaths</c> table of the customizations. A path
/// that no rule of its kind matches is refused; the first matching rule, in the data's order, decides.
/// </summary>
internal sealed class PatchPathTable
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<PatchPathRule>> kinds;
    private readonly IReadOnlyDictionary<string, string> invalidPathMessages;

    private PatchPathTable(IReadOnlyDictionary<string, IReadOnlyList<PatchPathRule>> kinds, IReadOnlyDictionary<string, string> invalidPathMessages)
    {
        this.kinds = kinds;
        this.invalidPathMessages = invalidPathMessages;
    }

    /// <summary>The resource kinds with a table, in the data's order.</summary>
    public IEnumerable<string> Kinds => kinds.Keys;

    /// <summary>The rules of one resource kind.</summary>
    /// <param name="kind">A key of the table, e.g. <c>stage</c>.</param>
    /// <exception cref="InvalidDataException">The table has no such kind.</exception>
    public IReadOnlyList<PatchPathRule> Rules(string kind) =>
        kinds.TryGetValue(kind, out var rules) ? rules : throw new InvalidDataException($"The patchPaths table has no resource kind '{kind}'.");

    /// <summary>The message key that refuses an undocumented path of <paramref name="kind"/>, or <c>null</c> for the common wording.</summary>
    public string? InvalidPathMessage(string kind) => invalidPathMessages.GetValueOrDefault(kind);

    /// <summary>The first rule of <paramref name="kind"/> whose template fits <paramref name="path"/>, or <c>null</c>.</summary>
    public PatchPathRule? Match(string kind, string path)
    {
        var raw = path.Split('/').Skip(1).ToList();
        return Rules(kind).FirstOrDefault(rule => rule.Matches(raw));
    }

    internal static PatchPathTable Parse(JsonElement table, OperationModel model)
    {
        var kinds = new Dictionary<string, IReadOnlyList<PatchPathRule>>(StringComparer.Ordinal);
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in table.EnumerateObject().Where(k => !k.Name.StartsWith('$')))
        {
            if (kind.Value.TryGetProperty("invalidPath", out var message))
            {
                messages[kind.Name] = message.GetString()!;
            }

            kinds[kind.Name] = kind.Value.GetProperty("paths").EnumerateObject().Select(p => Rule(kind.Name, p, model)).ToList().AsReadOnly();
        }

        return new PatchPathTable(new ReadOnlyDictionary<string, IReadOnlyList<PatchPathRule>>(kinds), new ReadOnlyDictionary<string, string>(messages));
    }

    private static PatchPathRule Rule(string kind, JsonProperty path, OperationModel model)
    {
        var rule = path.Value;
        var enumName = rule.TryGetProperty("enum", out var e) ? e.GetString() : null;
        if (enumName is not null)
        {
            // Fail at load, not at the first request, when the data names an enum the model lacks.
            _ = model.EnumValues(enumName);
        }

        return new PatchPathRule(
            path.Name,
            rule.GetProperty("ops").EnumerateArray().Select(o => o.GetString()!).ToList().AsReadOnly(),
            ParseKind(kind, path.Name, rule.GetProperty("value").GetString()!))
        {
            Of = rule.TryGetProperty("of", out var of) ? ParseKind(kind, path.Name, of.GetString()!) : PatchValueKind.String,
            EnumName = enumName,
            Handler = rule.TryGetProperty("handler", out var handler) ? handler.GetString() : null,
            ValuePattern = rule.TryGetProperty("pattern", out var pattern) ? new Regex(pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null,
        };
    }

    private static PatchValueKind ParseKind(string kind, string path, string value) =>
        Enum.TryParse<PatchValueKind>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"The patchPaths rule '{kind} {path}' has an unknown value kind '{value}'.");
}
