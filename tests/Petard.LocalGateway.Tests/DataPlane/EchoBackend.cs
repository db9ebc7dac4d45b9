using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// A backend that answers what it received (method, raw path, query, headers, body) as JSON;
/// <c>/status/N</c> answers status N in plain text, <c>/hang</c> never answers.
/// </summary>
public static class EchoBackend
{
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

        using var reader = new StreamReader(request.Body);
        var echo = new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = context.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0],
            ["query"] = request.QueryString.Value,
            ["headers"] = new JsonObject(request.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value.ToString()))),
            ["body"] = await reader.ReadToEndAsync(),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(echo.ToJsonString());
    }
}
