using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// A backend that answers what it received (method, raw path, query, headers, body) as JSON;
/// <c>/status/N</c> answers status N in plain text, <c>/hang</c> never answers, <c>/png</c> answers
/// <see cref="Png"/> as <c>image/png</c> and <c>/png-base64</c> the same bytes in base64 as <c>text/plain</c>.
/// </summary>
public static class EchoBackend
{
    /// <summary>The first bytes of a PNG file: not UTF-8, so any text conversion on the way would show.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0x00];

    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/hang", StringComparison.Ordinal))
        {
            // Holds the request until the gateway gives up and closes it: no sleeping.
            var closed = new TaskCompletionSource();
            using var registration = context.RequestAborted.Register(closed.SetResult);
            await closed.Task;
            return;
        }

        if (request.Path.StartsWithSegments("/status", StringComparison.Ordinal))
        {
            context.Response.StatusCode = int.Parse(request.Path.Value!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-Backend"] = "kettle";
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("I'm a teapot");
            return;
        }

        if (request.Path.Value is "/png" or "/png-base64")
        {
            var base64 = request.Path.Value == "/png-base64";
            context.Response.ContentType = base64 ? "text/plain" : "image/png";
            await context.Response.Body.WriteAsync(base64 ? System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(Png)) : Png);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var echo = new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = context.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0],
            ["query"] = request.QueryString.Value,
            ["headers"] = new JsonObject(request.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value.ToString()))),
            ["body"] = System.Text.Encoding.UTF8.GetString(body),
            ["bodyBase64"] = Convert.ToBase64String(body),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(echo.ToJsonString());
    }
}
