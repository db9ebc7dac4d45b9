namespace Petard.Execution;

/// <summary>
/// An operation call turned into wire form, independent of any endpoint or attempt: a retry builds
/// a fresh <see cref="HttpRequestMessage"/> from it so every attempt is signed anew.
/// </summary>
/// <param name="Operation">The operation name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path with its percent-encoded labels and query string.</param>
/// <param name="Headers">Request headers (Accept included).</param>
/// <param name="Body">The request body, or <c>null</c> for none.</param>
/// <param name="ContentType">The body's media type.</param>
internal sealed record MarshalledRequest(
    string Operation,
    HttpMethod Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType)
{
    public HttpRequestMessage ToHttpRequest(Uri endpoint)
    {
        // Relative to the endpoint (which ends in '/'), so an endpoint with a path (a proxy's prefix) keeps it.
        var request = new HttpRequestMessage(Method, new Uri(endpoint, PathAndQuery.TrimStart('/')));
        foreach (var header in Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }
}
