using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Local.Patching;

/// <summary>
/// The patch paths one kind of resource accepts, as data: scalar properties (<c>/description</c>),
/// string maps (<c>/variables/{name}</c>) and string sets (<c>/binaryMediaTypes/{type}</c>), plus
/// an optional handler for paths of its own (a stage's method settings). Operations apply to a
/// copy; the caller commits it only when every operation succeeded.
/// </summary>
internal sealed class PatchRules
{
    private readonly Dictionary<string, ScalarKind> scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Action<string, string?>? Validate, ScalarKind Kind)> maps = new(StringComparer.Ordinal);
    private readonly HashSet<string> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string, bool>> lists = new(StringComparer.Ordinal);
    private Func<JsonObject, PatchOperation, bool>? custom;
    private bool replaceOnly;

    public enum ScalarKind
    {
        String,
        Boolean,
        Integer,
        Double,
    }

    /// <summary>A scalar property; a nested one is named by its path, e.g. <c>throttle/burstLimit</c>.</summary>
    public PatchRules Scalar(string name, ScalarKind kind = ScalarKind.String)
    {
        scalars[name] = kind;
        return this;
    }

    /// <summary>A map; <paramref name="validate"/> sees each key and value (null on remove).</summary>
    public PatchRules Map(string name, Action<string, string?>? validate = null, ScalarKind kind = ScalarKind.String)
    {
        maps[name] = (validate, kind);
        return this;
    }

    public PatchRules Set(string name)
    {
        sets.Add(name);
        return this;
    }

    /// <summary>
    /// A list of strings changed one value at a time, the value in the operation's <c>value</c>:
    /// <c>add /stageKeys</c> with <c>restApiId/stageName</c>, <c>remove /providerARNs</c> with an ARN.
    /// </summary>
    /// <param name="name">The property.</param>
    /// <param name="accepts">Which values the list takes; any other is an invalid patch.</param>
    public PatchRules ValueList(string name, Func<string, bool>? accepts = null)
    {
        lists[name] = accepts ?? (value => value.Length > 0);
        return this;
    }

    /// <summary>
    /// The resource takes only <c>replace</c> of its scalar properties (request validators,
    /// documentation parts); anything else is refused with the service's wording, which lists the paths.
    /// </summary>
    public PatchRules ReplaceOnly()
    {
        replaceOnly = true;
        return this;
    }

    /// <summary>A handler for paths the declared properties do not cover; it returns whether it took the operation.</summary>
    public PatchRules Custom(Func<JsonObject, PatchOperation, bool> handler)
    {
        custom = handler;
        return this;
    }

    /// <summary>Applies the operations to a copy of <paramref name="target"/> and returns the copy.</summary>
    public JsonObject Apply(JsonObject target, IEnumerable<PatchOperation> operations)
    {
        var copy = (JsonObject)target.DeepClone();
        foreach (var operation in operations)
        {
            if (replaceOnly)
            {
                CheckReplaceOnly(operation);
            }

            var segments = operation.Segments;
            if (scalars.TryGetValue(string.Join('/', segments), out var kind))
            {
                ApplyScalar(copy, operation, segments, kind);
            }
            else if (segments.Count == 2 && maps.TryGetValue(segments[0], out var map))
            {
                ApplyMap(copy, operation, segments[0], segments[1], map.Validate, map.Kind);
            }
            else if (segments.Count == 2 && sets.Contains(segments[0]))
            {
                ApplySet(copy, operation, segments[0], segments[1]);
            }
            else if (segments.Count == 1 && lists.TryGetValue(segments[0], out var accepts) && operation.Op is ("add" or "remove") && operation.Value is { } value && accepts(value))
            {
                ApplyValueList(copy, operation.Op, segments[0], value);
            }
            else if (custom is null || !custom(copy, operation))
            {
                throw InvalidPath(operation);
            }
        }

        return copy;
    }

    private void CheckReplaceOnly(PatchOperation operation)
    {
        if (operation.Op != "replace")
        {
            throw Operations.ServiceErrors.BadRequest("patchOpNotSupported", ("path", operation.Path), ("op", operation.Op));
        }

        if (!scalars.ContainsKey(string.Join('/', operation.Segments)))
        {
            throw Operations.ServiceErrors.BadRequest("patchPathNotOneOf", ("path", operation.Path), ("op", operation.Op), ("paths", string.Join(", ", scalars.Keys.Select(k => "/" + k))));
        }
    }

    public static GatewayException InvalidPath(PatchOperation operation) =>
        GatewayException.BadRequest($"Invalid patch path '{operation.Path}' for op '{operation.Op}'.");

    public static JsonNode ToValue(PatchOperation operation, ScalarKind kind)
    {
        var text = operation.Value ?? throw GatewayException.BadRequest($"Invalid patch operation: '{operation.Op} {operation.Path}' needs a value.");
        return kind switch
        {
            ScalarKind.Boolean when bool.TryParse(text, out var b) => b,
            ScalarKind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
            ScalarKind.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
            ScalarKind.String => text,
            _ => throw GatewayException.BadRequest($"Invalid patch value '{text}' for '{operation.Path}': expected a {kind.ToString().ToLowerInvariant()}."),
        };
    }

    // A nested scalar ("throttle/burstLimit") creates the objects along its path.
    private static void ApplyScalar(JsonObject target, PatchOperation operation, IReadOnlyList<string> path, ScalarKind kind)
    {
        foreach (var step in path.Take(path.Count - 1))
        {
            target = State.GatewayState.Collection(target, step);
        }

        var name = path[^1];
        switch (operation.Op)
        {
            case "replace" or "add":
                target[name] = ToValue(operation, kind);
                break;
            case "remove":
                target.Remove(name);
                break;
            default:
                throw InvalidPath(operation);
        }
    }

    private static void ApplyMap(JsonObject target, PatchOperation operation, string name, string key, Action<string, string?>? validate, ScalarKind kind)
    {
        var map = target[name] as JsonObject;
        switch (operation.Op)
        {
            case "replace" or "add":
                var value = ToValue(operation, kind);
                validate?.Invoke(key, operation.Value);
                if (map is null)
                {
                    map = new JsonObject();
                    target[name] = map;
                }

                map[key] = value;
                break;
            case "remove":
                validate?.Invoke(key, null);
                map?.Remove(key);
                break;
            default:
                throw InvalidPath(operation);
        }
    }

    private static void ApplyValueList(JsonObject target, string op, string name, string value)
    {
        if (target[name] is not JsonArray list)
        {
            list = [];
            target[name] = list;
        }

        var existing = list.FirstOrDefault(n => n?.GetValue<string>() == value);
        if (op == "add" && existing is null)
        {
            list.Add(value);
        }
        else if (op == "remove" && existing is not null)
        {
            list.Remove(existing);
        }
    }

    private static void ApplySet(JsonObject target, PatchOperation operation, string name, string item)
    {
        var set = target[name] as JsonArray;
        switch (operation.Op)
        {
            case "add" or "replace":
                if (set is null)
                {
                    set = [];
                    target[name] = set;
                }

                if (!set.Any(n => n?.GetValue<string>() == item))
                {
                    set.Add(item);
                }

                break;
            case "remove":
                var existing = set?.FirstOrDefault(n => n?.GetValue<string>() == item);
                if (existing is not null)
                {
                    set!.Remove(existing);
                }

                break;
            default:
                throw InvalidPath(operation);
        }
    }
}
