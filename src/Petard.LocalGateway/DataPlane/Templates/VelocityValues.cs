using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.DataPlane.Templates;

/// <summary>
/// What template values are (strings, <c>long</c>, <c>double</c>, booleans, null, lists, maps and
/// host objects) and what they do: rendering as Java's <c>toString</c>, truth, comparison, and the
/// Java methods templates call on strings, lists and maps.
/// </summary>
internal static class VelocityValues
{
    public static string Render(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("0.0###############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => $"{e.Key}={Render(e.Value)}")) + "}",
        IList<object?> list => "[" + string.Join(", ", list.Select(Render)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        _ => true,
    };

    public static bool AreEqual(object? left, object? right) =>
        IsNumber(left) && IsNumber(right) ? ToDouble(left) == ToDouble(right) : left is string || right is string ? Render(left) == Render(right) : Equals(left, right);

    public static bool IsNumber(object? value) => value is long or int or double;

    public static double ToDouble(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>A JSON value as a template value: objects become maps, arrays lists.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(e => e.Key, e => FromJson(e.Value)) as IDictionary<string, object?>,
        JsonArray a => a.Select(FromJson).ToList() as IList<object?>,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out long l) => l,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => node.ToString(),
    };

    public static object? Property(object? target, string name, int line) => target switch
    {
        null => null,
        IVelocityObject o => o.Property(name),
        IDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : null,
        _ => Call(target, "get" + char.ToUpperInvariant(name[0]) + name[1..], [], line),
    };

    public static object? Index(object? target, object? index, int line) => (target, index) switch
    {
        (null, _) => null,
        (IList<object?> list, _) when IsNumber(index) => At(list, (int)ToDouble(index), line),
        (IDictionary<string, object?> map, _) => map.TryGetValue(Render(index), out var value) ? value : null,
        _ => throw new TemplateException($"cannot index a {TypeName(target)} with [{Render(index)}]", line),
    };

    public static object? Call(object? target, string method, IReadOnlyList<object?> args, int line) => target switch
    {
        null => null,
        IVelocityObject o => o.Call(method, args, line),
        string s => StringMethod(s, method, args, line),
        IList<object?> list => ListMethod(list, method, args, line),
        IDictionary<string, object?> map => MapMethod(map, method, args, line),
        _ when method == "toString" => Render(target),
        _ => throw Unsupported(target, method, line),
    };

    private static object? StringMethod(string s, string method, IReadOnlyList<object?> args, int line)
    {
        string Arg(int i) => i < args.Count ? Render(args[i]) : throw new TemplateException($"{method}() needs {i + 1} argument(s)", line);
        int Int(int i) => (int)ToDouble(args[i]);
        return method switch
        {
            "length" => (long)s.Length,
            "isEmpty" => s.Length == 0,
            "toString" => s,
            "trim" => s.Trim(),
            "toLowerCase" => s.ToLowerInvariant(),
            "toUpperCase" => s.ToUpperInvariant(),
            "contains" => s.Contains(Arg(0), StringComparison.Ordinal),
            "startsWith" => s.StartsWith(Arg(0), StringComparison.Ordinal),
            "endsWith" => s.EndsWith(Arg(0), StringComparison.Ordinal),
            "equals" => s == Arg(0),
            "equalsIgnoreCase" => string.Equals(s, Arg(0), StringComparison.OrdinalIgnoreCase),
            "indexOf" => (long)s.IndexOf(Arg(0), StringComparison.Ordinal),
            "replace" => s.Replace(Arg(0), Arg(1), StringComparison.Ordinal),
            "replaceAll" => Regex.Replace(s, Arg(0), Arg(1).Replace("$", "$$", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(1)),
            "matches" => Regex.IsMatch(s, $"^(?:{Arg(0)})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            "split" => Regex.Split(s, Arg(0), RegexOptions.None, TimeSpan.FromSeconds(1)).Select(p => (object?)p).ToList(),
            "substring" => args.Count > 1 ? s[Int(0)..Int(1)] : s[Int(0)..],
            "charAt" => s[Int(0)].ToString(),
            _ => throw Unsupported(s, method, line),
        };
    }

    private static object? ListMethod(IList<object?> list, string method, IReadOnlyList<object?> args, int line) => method switch
    {
        "size" => (long)list.Count,
        "isEmpty" => list.Count == 0,
        "get" when args.Count == 1 => At(list, (int)ToDouble(args[0]), line),
        "contains" when args.Count == 1 => list.Any(item => AreEqual(item, args[0])),
        "add" when args.Count == 1 => Add(list, args[0]),
        _ => throw Unsupported(list, method, line),
    };

    private static object? MapMethod(IDictionary<string, object?> map, string method, IReadOnlyList<object?> args, int line) => method switch
    {
        "size" => (long)map.Count,
        "isEmpty" => map.Count == 0,
        "get" when args.Count == 1 => map.TryGetValue(Render(args[0]), out var value) ? value : null,
        "containsKey" when args.Count == 1 => map.ContainsKey(Render(args[0])),
        "keySet" => map.Keys.Select(k => (object?)k).ToList(),
        "values" => map.Values.ToList(),
        "put" when args.Count == 2 => map[Render(args[0])] = args[1],
        _ => throw Unsupported(map, method, line),
    };

    private static bool Add(IList<object?> list, object? item)
    {
        list.Add(item);
        return true;
    }

    private static object? At(IList<object?> list, int index, int line) =>
        index >= 0 && index < list.Count ? list[index] : throw new TemplateException($"index {index} is outside a list of {list.Count}", line);

    private static TemplateException Unsupported(object target, string method, int line) =>
        new($"{method}() on a {TypeName(target)} is not supported by Petard.LocalGateway's template engine", line);

    private static string TypeName(object? value) => value switch
    {
        string => "string",
        IList<object?> => "list",
        IDictionary<string, object?> => "map",
        IVelocityObject o => o.GetType().Name,
        _ => value?.GetType().Name ?? "null",
    };
}
