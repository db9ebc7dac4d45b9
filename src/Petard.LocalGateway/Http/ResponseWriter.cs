using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Petard.Local.Http;

/// <summary>Writes answers in the service's form: JSON bodies, <c>x-amzn-RequestId</c>, <c>x-amzn-ErrorType</c>.</summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/json";

    public static Task WriteJsonAsync(HttpResponse response, int status, JsonNode? json, CancellationToken cancellationToken)
    {
        Prepare(response, status);
        if (json is null)
        {
            return Task.CompletedTask;
        }

        response.ContentType = JsonContentType;
        return response.Body.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), cancellationToken).AsTask();
    }

    public static Task WriteBlobAsync(HttpResponse response, int status, byte[] body, string contentType, string? contentDisposition, CancellationToken cancellationToken)
    {
        Prepare(response, status);
        response.ContentType = contentType;
        if (contentDisposition is not null)
        {
            response.Headers.ContentDisposition = contentDisposition;
        }

        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    public static Task WriteErrorAsync(HttpResponse response, GatewayException error, CancellationToken cancellationToken)
    {
        Prepare(response, error.StatusCode);
        response.Headers["x-amzn-ErrorType"] = error.ErrorType;
        if (error.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = JsonContentType;
        var body = new JsonObject { ["message"] = error.Message };
        return response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken).AsTask();
    }

    private static void Prepare(HttpResponse response, int status)
    {
        response.StatusCode = status;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
    }
}
