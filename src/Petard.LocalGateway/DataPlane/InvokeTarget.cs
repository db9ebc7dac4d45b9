namespace Petard.Local.DataPlane;

/// <summary>
/// The stage a data-plane request addresses, and how many leading segments of its raw path name it
/// rather than the resource: four for an invoke URL (<c>restapis/{id}/{stage}/_user_request_</c>), the
/// base path (and the stage, when the mapping names none) on a custom domain.
/// </summary>
/// <param name="RestApiId">The REST API.</param>
/// <param name="Stage">The stage.</param>
/// <param name="RouteSegments">Leading path segments that are not the resource path.</param>
/// <param name="Refusal">Set when the request cannot reach any stage (a custom domain without a mapping for its path): the service's 403.</param>
internal sealed record InvokeTarget(string RestApiId, string Stage, int RouteSegments, string? Refusal = null)
{
    private const string Marker = "_user_request_";

    /// <summary>The target of an invoke URL path, or null when <paramref name="rawPath"/> is not one.</summary>
    public static InvokeTarget? FromInvokePath(string? rawPath)
    {
        var segments = rawPath?.Split('/', 6);
        return segments is { Length: >= 5 } && segments[1] == "restapis" && segments[4] == Marker
            ? new InvokeTarget(Uri.UnescapeDataString(segments[2]), Uri.UnescapeDataString(segments[3]), 4)
            : null;
    }
}
