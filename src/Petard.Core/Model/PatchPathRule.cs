using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>
/// One documented PATCH path of a resource kind: its template (<c>/variables/{name}</c>; a
/// <c>{name+}</c> placeholder takes the rest of the path), the <c>op</c>s the service takes on it
/// and what its value is.
/// </summary>
/// <param name="Template">The path template as the customizations write it.</param>
/// <param name="Ops">The ops the service accepts on the path.</param>
/// <param name="Kind">What the path addresses.</param>
internal sealed record PatchPathRule(string Template, IReadOnlyList<string> Ops, PatchValueKind Kind)
{
    private readonly string[] segments = Template.Split('/').Skip(1).ToArray();

    /// <summary>For a map, the kind of its values (<see cref="PatchValueKind.String"/> unless stated).</summary>
    public PatchValueKind Of { get; init; } = PatchValueKind.String;

    /// <summary>The official enum the value (or a map's value) comes from, or <c>null</c>.</summary>
    public string? EnumName { get; init; }

    /// <summary>The handler of the emulator that owns a <see cref="PatchValueKind.Custom"/> path, or a map's check.</summary>
    public string? Handler { get; init; }

    /// <summary>A pattern each value of a <see cref="PatchValueKind.List"/> must match, or <c>null</c>.</summary>
    public Regex? ValuePattern { get; init; }

    /// <summary>Whether <paramref name="rawSegments"/> (split, still escaped with <c>~1</c>) fit the template.</summary>
    public bool Matches(IReadOnlyList<string> rawSegments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var part = segments[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                return rawSegments.Count > i;
            }

            if (i >= rawSegments.Count)
            {
                return false;
            }

            if (!part.StartsWith('{') && !string.Equals(part, Unescape(rawSegments[i]), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return rawSegments.Count == segments.Length;
    }

    /// <summary>Whether the service takes <paramref name="op"/> on this path.</summary>
    public bool Allows(string op) => Ops.Contains(op, StringComparer.Ordinal);

    private static string Unescape(string segment) => JsonPointer.Unescape(segment);
}
