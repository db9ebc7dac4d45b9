using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.Local.DataPlane;

/// <summary>
/// The parse step: reads the request as sent to its <see cref="InvokeTarget"/> (an invoke URL,
/// <c>/restapis/{id}/{stage}/_user_request_/{path}</c>, or a custom domain's mapping): raw path segments,
/// query and headers in order, the body.
/// </summary>
internal static class InvokeRequestParser
{
    /// <summary>The service's payload limit: 10 MB.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>The path as the client sent it, before any decoding.</summary>
    public static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();

    public static async Task<InvokeRequest> ParseAsync(HttpContext context, InvokeTarget route, CancellationToken cancellationToken)
    {
        if (route.Refusal is { } refusal)
        {
            throw GatewayResponseException.Forbidden(refusal);
        }

        var request = context.Request;
        var parts = RawTarget(context).Split('?', 2);
        var segments = parts[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathSegments = segments.Skip(route.RouteSegments).Select(Uri.UnescapeDataString).ToList();
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty))).ToList();
        return new InvokeRequest(
            RestApiId: route.RestApiId,
            Stage: route.Stage,
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
