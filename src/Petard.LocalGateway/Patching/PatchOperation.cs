using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Patching;

/// <summary>One entry of a request's <c>patchOperations</c>: op, path (JSON-pointer style, <c>~1</c> for '/'), value.</summary>
/// <param name="Op">add, remove, replace, move, copy or test.</param>
/// <param name="Path">The raw path, e.g. <c>/variables/stageVar</c>.</param>
/// <param name="Value">The new value, always a string on the wire.</param>
/// <param name="From">The source path of a <c>copy</c> (<c>/canarySettings/deploymentId</c>), or <c>null</c>.</param>
internal sealed record PatchOperation(string Op, string Path, string? Value, string? From = null)
{
    /// <summary>The path's segments, each unescaped (<c>~1</c> → '/', <c>~0</c> → '~').</summary>
    public IReadOnlyList<string> Segments { get; } = Path.Split('/').Skip(1).Select(Unescape).ToList();

    public static string Unescape(string segment) => JsonPointer.Unescape(segment);

    /// <summary>Reads <c>patchOperations</c> from a request; an absent list is empty.</summary>
    /// <param name="input">The request.</param>
    public static IReadOnlyList<PatchOperation> Read(OperationInput input)
    {
        if (input.Node("patchOperations") is not JsonArray operations)
        {
            return [];
        }

        var result = new List<PatchOperation>();
        foreach (var entry in operations)
        {
            if (entry is not JsonObject operation
                || operation["op"] is not JsonValue op || !op.TryGetValue(out string? opName)
                || operation["path"] is not JsonValue path || !path.TryGetValue(out string? pathText) || !pathText.StartsWith('/'))
            {
                throw GatewayException.BadRequest("Invalid patch operation: each entry needs an 'op' and a 'path' starting with '/'.");
            }

            RuleChecks.CheckPatchOp(opName);

            var value = operation["value"] switch
            {
                null => null,
                JsonValue v when v.TryGetValue(out string? s) => s,
                var other => other.ToJsonString(),
            };
            result.Add(new PatchOperation(opName, pathText, value, (operation["from"] as JsonValue)?.GetValue<string>()));
        }

        return result;
    }
}
