namespace Petard.Workflows;

/// <summary>How the workflows read optional text settings: blank is unset.</summary>
internal static class OptionalText
{
    /// <summary>The text trimmed, or null when it is null, empty or white space.</summary>
    public static string? Of(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
