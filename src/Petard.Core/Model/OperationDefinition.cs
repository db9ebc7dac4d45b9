namespace Petard.Model;

/// <summary>One operation of the API Gateway model: the facts the executor needs to run it.</summary>
/// <param name="Name">The official operation name, e.g. <c>CreateDeployment</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="UriTemplate">The request URI template, possibly with a literal query (<c>/restapis?mode=import</c>).</param>
/// <param name="SuccessStatusCode">The status code the service answers on success.</param>
/// <param name="Members">The input members, keyed by official member name.</param>
/// <param name="BlobOutput">Whether the response body is raw bytes (GetExport, GetSdk) rather than JSON.</param>
/// <param name="Paginated">Whether the operation pages its results with <c>position</c> and <c>limit</c>.</param>
public sealed record OperationDefinition(
    string Name,
    string Method,
    string UriTemplate,
    int SuccessStatusCode,
    IReadOnlyDictionary<string, MemberDefinition> Members,
    bool BlobOutput,
    bool Paginated)
{
    /// <summary>Whether the operation changes nothing on the service (the service rules say which do).</summary>
    public bool IsReadOnly => ServiceRules.Default.IsReadOnly(Name);

    /// <summary>Whether sending the operation twice leaves the same state as sending it once (the service rules say which do).</summary>
    public bool IsIdempotent => ServiceRules.Default.IsIdempotent(Name);

    /// <summary>The members that travel in a given location.</summary>
    public IEnumerable<MemberDefinition> MembersIn(MemberLocation location) =>
        Members.Values.Where(m => m.Location == location);

    /// <summary>The request URI template, possibly with a literal query (<c>/restapis?mode=import</c>).</summary>
    public string UriTemplate
    {
        get => ParsedUri.Template;

        // Parsed here rather than per call; a `with` that changes the template parses it again.
        init => ParsedUri = ParsedUriTemplate.Parse(value);
    }

    /// <summary>The URI template taken apart: path segments and literal query.</summary>
    internal ParsedUriTemplate ParsedUri { get; private init; } = ParsedUriTemplate.Parse(UriTemplate);
}
