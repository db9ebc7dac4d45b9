namespace Petard.Workflows;

/// <summary>
/// One scalar setting of a stage as the service names it: <c>CreateStage</c> takes it as a member and
/// <c>UpdateStage</c> patches it at <c>/{Member}</c>. The planner and the stage writer read these, so a
/// new scalar stage setting is one line in <see cref="StageSpec.Fields"/>.
/// </summary>
/// <param name="Member">The service's member name, e.g. <c>tracingEnabled</c>.</param>
/// <param name="Value">The declared value (a string or a bool); null: left as it is.</param>
/// <param name="What">The setting in words, for the change lines, e.g. "tracing".</param>
internal sealed record StageField(string Member, object? Value, string What)
{
    /// <summary>Whether the service reports the setting as a JSON boolean (and may leave a false one out).</summary>
    public bool IsFlag => Value is bool;

    /// <summary>The declared value as the patch operation writes it; null when unset.</summary>
    public string? Text => Value switch
    {
        true => "true",
        false => "false",
        null => null,
        _ => Value.ToString(),
    };

    public static StageField Of(string member, string? value, string what) => new(member, value, what);

    public static StageField Of(string member, bool? value, string what) => new(member, value, what);
}
