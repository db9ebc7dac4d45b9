namespace Petard.Local.DataPlane;

/// <summary>
/// A call of an invoke URL, <c>/restapis/{id}/{stage}/_user_request_/{path}</c>, as the client sent
/// it: names keep their case, values their order.
/// </summary>
internal sealed record InvokeRequest(
    string RestApiId,
    string Stage,
    string HttpMethod,
    string Path,
    IReadOnlyList<string> PathSegments,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string SourceIp,
    string Protocol)
{
    /// <summary>The last value of a header, as the service's single-value views keep it.</summary>
    public string? Header(string name) =>
        Headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ContentType => Header("Content-Type");
}
