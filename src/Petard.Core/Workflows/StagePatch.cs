using System.Text.Json.Nodes;

namespace Petard.Workflows;

/// <summary>One patch operation of <c>UpdateStage</c> and the change it makes, in words.</summary>
/// <param name="Op"><c>replace</c> or <c>remove</c>.</param>
/// <param name="Path">The patch path, e.g. <c>/variables/env</c>.</param>
/// <param name="Value">The new value (null for <c>remove</c>).</param>
/// <param name="Change">The change in words, e.g. "tracing: false -> true".</param>
internal sealed record StagePatch(string Op, string Path, string? Value, string Change)
{
    /// <summary>The patch operation as the service takes it.</summary>
    public JsonObject ToOperation() => Value is null ? new JsonObject { ["op"] = Op, ["path"] = Path } : new JsonObject { ["op"] = Op, ["path"] = Path, ["value"] = Value };

    /// <summary>The patch operations of one <c>UpdateStage</c> call.</summary>
    public static JsonArray ToOperations(IEnumerable<StagePatch> patches) => new([.. patches.Select(p => p.ToOperation())]);
}
