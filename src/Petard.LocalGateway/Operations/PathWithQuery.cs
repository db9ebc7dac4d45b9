namespace Petard.Local.Operations;

/// <summary>The <c>pathWithQueryString</c> of TestInvokeMethod and TestInvokeAuthorizer, split into a path and its query parameters.</summary>
/// <param name="Path">The path, starting with '/'.</param>
/// <param name="Query">The query parameters in order, decoded.</param>
internal sealed record PathWithQuery(string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public static PathWithQuery Parse(string text)
    {
        var parts = text.Split('?', 2);
        var path = parts[0].StartsWith('/') ? parts[0] : "/" + parts[0];
        var query = parts.Length < 2 ? [] : parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty))
            .ToList();
        return new PathWithQuery(path, query);
    }
}
