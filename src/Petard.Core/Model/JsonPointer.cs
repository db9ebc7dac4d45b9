namespace Petard.Model;

/// <summary>
/// The escaping of one segment of a JSON pointer (RFC 6901), which PATCH paths use too: <c>~1</c>
/// for <c>/</c> and <c>~0</c> for <c>~</c>, so a resource path such as <c>/pets</c> fits in one segment.
/// </summary>
internal static class JsonPointer
{
    /// <summary>The segment written into a pointer.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The segment read back from a pointer.</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
