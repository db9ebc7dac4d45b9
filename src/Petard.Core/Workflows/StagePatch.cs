namespace Petard.Workflows;

/// <summary>One patch operation of <c>UpdateStage</c> and the change it makes, in words.</summary>
/// <param name="Op"><c>replace</c> or <c>remove</c>.</param>
/// <param name="Path">The patch path, e.g. <c>/variables/env</c>.</param>
/// <param name="Value">The new value (null for <c>remove</c>).</param>
/// <param name="Change">The change in words, e.g. "tracing: false -> true".</param>
internal sealed record StagePatch(string Op, string Path, string? Value, string Change)
{
    /// <summary>The patch operation as the service takes it.</summary>
    public object ToOperation() => Value is null ? new { op = Op, path = Path } : new { op = Op, path = Path, value = Value };
}
