using System.Globalization;
using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Patching;

/// <summary>
/// Applies patch operations to one kind of resource by the shared table of documented PATCH paths
/// (<see cref="PatchPathTable"/>, the <c>patchPaths</c> of the customizations): the table says which
/// paths and ops exist and what their values are; this class reads values and applies properties,
/// maps, sets and lists. Paths the table marks <c>custom</c> go to a handler the resource's
/// operations register under the table's handler name. Operations apply to a copy; the caller
/// commits it only when every operation succeeded.
/// </summary>
internal sealed class PatchRules
{
    private readonly string kind;
    private readonly Dictionary<string, Func<JsonObject, PatchOperation, bool>> handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<string, string?>> checks = new(StringComparer.Ordinal);
    private Action<JsonObject>? validate;

    private PatchRules(string kind) => this.kind = kind;

    private static PatchPathTable Table => ServiceRules.Default.PatchPaths;

    /// <summary>The rules of a resource kind of the table, e.g. <c>stage</c>.</summary>
    public static PatchRules For(string kind)
    {
        _ = Table.Rules(kind);
        return new PatchRules(kind);
    }

    /// <summary>The handler the table names for <c>custom</c> paths; it returns whether it took the operation.</summary>
    public PatchRules Handle(string handler, Func<JsonObject, PatchOperation, bool> apply)
    {
        handlers[handler] = apply;
        return this;
    }

    /// <summary>
    /// A check the table names on a property or map path; it sees the map key (or the property's
    /// name) and the value, <c>null</c> on remove, and throws the service's refusal.
    /// </summary>
    public PatchRules Check(string handler, Action<string, string?> check)
    {
        checks[handler] = check;
        return this;
    }

    /// <summary>Rules the patched resource as a whole must still follow (an integration's URI for its type).</summary>
    public PatchRules Validate(Action<JsonObject> check)
    {
        validate = check;
        return this;
    }

    /// <summary>
    /// The table's rule for the operation's path, or the service's refusal: a path the table does
    /// not list, or an op the service does not take on it.
    /// </summary>
    /// <param name="kind">The resource kind.</param>
    /// <param name="operation">The operation.</param>
    public static PatchPathRule Find(string kind, PatchOperation operation)
    {
        var rule = Table.Match(kind, operation.Path);
        if (rule is not null && rule.Allows(operation.Op))
        {
            return rule;
        }

        // Some kinds answer both refusals in one wording of their own (recorded from AWS: gateway responses).
        if (Table.InvalidPathMessage(kind) is { } message)
        {
            throw ServiceErrors.BadRequest(message, ("path", operation.Path), ("op", operation.Op));
        }

        var paths = Table.Rules(kind).Where(r => r.Allows(operation.Op)).Select(r => r.Template).ToList();
        return rule is not null || paths.Count == 0
            ? throw ServiceErrors.BadRequest("patchOpNotSupported", ("path", operation.Path), ("op", operation.Op))
            : throw ServiceErrors.BadRequest("patchPathNotOneOf", ("path", operation.Path), ("op", operation.Op), ("paths", string.Join(", ", paths)));
    }

    /// <summary>Applies the operations to a copy of <paramref name="target"/> and returns the copy.</summary>
    public JsonObject Apply(JsonObject target, IEnumerable<PatchOperation> operations)
    {
        var copy = (JsonObject)target.DeepClone();
        foreach (var operation in operations)
        {
            var rule = Find(kind, operation);
            if (rule.EnumName is { } enumName && operation.Op is "add" or "replace" && operation.Value is { } enumValue)
            {
                CheckEnum(enumName, operation, enumValue);
            }

            if (rule.Handler is { } name && rule.Kind != PatchValueKind.Custom)
            {
                var check = checks.GetValueOrDefault(name) ?? throw Unregistered(rule);
                check(operation.Segments[^1], operation.Op == "remove" ? null : operation.Value);
            }

            switch (rule.Kind)
            {
                case PatchValueKind.Custom:
                    var handler = rule.Handler is not null && handlers.TryGetValue(rule.Handler, out var h) ? h : throw Unregistered(rule);
                    if (!handler(copy, operation))
                    {
                        throw InvalidValue(operation);
                    }

                    break;
                case PatchValueKind.Object:
                    copy.Remove(operation.Segments[0]);
                    break;
                case PatchValueKind.Map:
                    ApplyMap(copy, operation, rule.Of);
                    break;
                case PatchValueKind.Set:
                    ApplySet(copy, operation);
                    break;
                case PatchValueKind.List:
                    ApplyList(copy, operation, rule);
                    break;
                default:
                    if (operation.Op != "remove" && rule.ValuePattern is { } pattern && !pattern.IsMatch(operation.Value ?? string.Empty))
                    {
                        throw InvalidValue(operation);
                    }

                    ApplyProperty(copy, operation, rule.Kind);
                    break;
            }
        }

        validate?.Invoke(copy);
        return copy;
    }

    // The data names a handler this resource's operations do not register: a defect of the emulator, not of the request.
    private InvalidOperationException Unregistered(PatchPathRule rule) =>
        new($"The patch path '{kind} {rule.Template}' names handler '{rule.Handler}', which the emulator does not register.");

    // A patch value is a string to the service's model, so its handler, not model validation,
    // refuses a value outside the enum: a BadRequestException in the enum message's words.
    private static void CheckEnum(string enumName, PatchOperation operation, string value)
    {
        var values = OperationModel.Default.EnumValues(enumName);
        if (!values.Contains(value, StringComparer.Ordinal))
        {
            throw GatewayException.BadRequest(ValidationFailures.Sentence("enumValue", ("value", value), ("member", operation.Path.TrimStart('/')), ("values", string.Join(", ", values))));
        }
    }

    /// <summary>The refusal of a value the path does not take (a list member of the wrong shape, a handler's refusal).</summary>
    public static GatewayException InvalidValue(PatchOperation operation) =>
        ServiceErrors.BadRequest("invalidPatchValue", ("value", operation.Value ?? string.Empty), ("path", operation.Path), ("op", operation.Op));

    /// <summary>Reads the operation's value as <paramref name="kind"/> (string, boolean, integer or double), or refuses it.</summary>
    public static JsonNode ToValue(PatchOperation operation, PatchValueKind kind)
    {
        var text = operation.Value ?? throw ServiceErrors.BadRequest("patchValueRequired", ("path", operation.Path), ("op", operation.Op));
        return kind switch
        {
            PatchValueKind.Boolean when bool.TryParse(text, out var b) => b,
            PatchValueKind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
            PatchValueKind.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
            PatchValueKind.String => text,
            _ => throw ServiceErrors.BadRequest("invalidPatchValueType", ("value", text), ("path", operation.Path), ("expected", kind.ToString().ToLowerInvariant())),
        };
    }

    // A nested property ("quota/limit") creates the objects along its path.
    private static void ApplyProperty(JsonObject target, PatchOperation operation, PatchValueKind kind)
    {
        var path = operation.Segments;
        foreach (var step in path.Take(path.Count - 1))
        {
            target = State.GatewayState.Collection(target, step);
        }

        if (operation.Op == "remove")
        {
            target.Remove(path[^1]);
        }
        else
        {
            target[path[^1]] = ToValue(operation, kind);
        }
    }

    private static void ApplyMap(JsonObject target, PatchOperation operation, PatchValueKind of)
    {
        var (name, key) = (operation.Segments[0], operation.Segments[^1]);
        if (operation.Op == "remove")
        {
            (target[name] as JsonObject)?.Remove(key);
            return;
        }

        var value = ToValue(operation, of);
        State.GatewayState.Collection(target, name)[key] = value;
    }

    private static void ApplySet(JsonObject target, PatchOperation operation) =>
        Change(target, operation.Segments[0], operation.Segments[^1], add: operation.Op != "remove");

    private static void ApplyList(JsonObject target, PatchOperation operation, PatchPathRule rule)
    {
        if (operation.Value is not { Length: > 0 } value || (rule.ValuePattern is { } pattern && !pattern.IsMatch(value)))
        {
            throw InvalidValue(operation);
        }

        Change(target, operation.Segments[0], value, add: operation.Op == "add");
    }

    private static void Change(JsonObject target, string name, string item, bool add)
    {
        if (target[name] is not JsonArray list)
        {
            list = [];
            target[name] = list;
        }

        var existing = list.FirstOrDefault(n => n?.GetValue<string>() == item);
        if (add && existing is null)
        {
            list.Add(item);
        }
        else if (!add && existing is not null)
        {
            list.Remove(existing);
        }
    }
}
