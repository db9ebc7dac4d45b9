using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.Local.DataPlane;

/// <summary>
/// The parse step: recognises an invoke URL, <c>/restapis/{id}/{stage}/_user_request_/{path}</c>,
/// and reads the request as sent (raw path segments, query and headers in order, the body).
/// </summary>
internal static class InvokeRequestParser
{
    /// <summary>The service's payload limit: 10 MB.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    private const string Marker = "_user_request_";

    public static bool IsInvokePath(PathString path)
    {
        var segments = path.Value?.Split('/', 5);
        return segments is { Length: >= 5 } && segments[1] == "restapis" && segments[4].Split('/')[0] == Marker;
    }

    public static async Task<InvokeRequest> ParseAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var parts = target.Split('?', 2);
        var segments = parts[0].Split('/').Skip(1).ToList(); // restapis, id, stage, _user_request_, path...
        var pathSegments = segments.Skip(4).Where(s => s.Length > 0).Select(Uri.UnescapeDataString).ToList();
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty))).ToList();
        return new InvokeRequest(
            RestApiId: Uri.UnescapeDataString(segments[1]),
            Stage: Uri.UnescapeDataString(segments[2]),
            HttpMethod: request.Method,
            Path: "/" + string.Join('/', pathSegments),
            PathSegments: pathSegments,
            Query: Query(parts.Length > 1 ? parts[1] : string.Empty),
            Headers: headers,
            Body: await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false),
            SourceIp: context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            Protocol: request.Protocol);
    }

    private static List<KeyValuePair<string, string>> Query(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(Decode(kv[0]), kv.Length > 1 ? Decode(kv[1]) : string.Empty))
            .ToList();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new GatewayResponseException("REQUEST_TOO_LARGE", 413, "Request Too Long", $"The body is over the service's {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
