using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Reads a response: a success becomes a <see cref="Resource"/> over the JSON as sent (or the raw
/// bytes of a blob output); an error becomes a <see cref="PetardServiceException"/>. A body that
/// cannot be read (truncated JSON, an HTML page from a proxy) becomes a <see cref="PetardException"/>.
/// </summary>
internal static class ResponseReader
{
    /// <summary>The largest response Petard reads; API Gateway's own limits are far below it.</summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    /// <summary>The message of an error answered without one.</summary>
    public const string NoMessage = "(no message)";

    private const int MessageExcerptLength = 200;

    public static async Task<Resource> ReadAsync(OperationDefinition operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await ReadBodyAsync(operation, response, cancellationToken).ConfigureAwait(false);
        var headers = Headers(response);
        var requestId = headers.TryGetValue("x-amzn-RequestId", out var id) ? id : null;

        if (!response.IsSuccessStatusCode)
        {
            throw Error(operation, response.StatusCode, headers, bytes, requestId);
        }

        if (operation.BlobOutput)
        {
            return new Resource(default, response.StatusCode, requestId, headers, bytes);
        }

        if (bytes.Length == 0)
        {
            return new Resource(default, response.StatusCode, requestId, headers);
        }

        // JsonDocument leaves string contents unchecked until they are read: a Resource over invalid
        // UTF-8 would throw InvalidOperationException later, in the caller's hands.
        if (!Utf8.IsValid(bytes))
        {
            throw PetardErrors.ResponseNotUtf8(operation, response.StatusCode, SuccessExcerpt(bytes));
        }

        try
        {
            var root = ParseRoot(bytes);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw PetardErrors.ResponseNotAnObject(operation, response.StatusCode, root.ValueKind.ToString().ToLowerInvariant());
            }

            return new Resource(root, response.StatusCode, requestId, headers);
        }
        catch (JsonException ex)
        {
            throw PetardErrors.ResponseNotJson(operation, response.StatusCode, SuccessExcerpt(bytes), ex);
        }
    }

    // One pass into an unpooled document that lives as long as the Resource (no Clone copy);
    // trailing bytes after the value are an error, as with JsonDocument.Parse. The reader, not
    // JsonSerializer: the serializer's first use resolves converters for every built-in type by
    // reflection, tens of milliseconds of a fresh process's first call for nothing it needs.
    private static JsonElement ParseRoot(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        var root = JsonElement.ParseValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"'{(char)bytes[reader.TokenStartIndex]}' is invalid after a single JSON value.");
        }

        return root;
    }

    /// <summary>Reads only the error type of a failed response, for the retry decision.</summary>
    public static PetardServiceException Error(OperationDefinition operation, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body, string? requestId)
    {
        string? type = null;
        string? message = null;
        if (headers.TryGetValue("x-amzn-ErrorType", out var header) && header.Length > 0)
        {
            type = header.Split(':')[0].Trim();
        }

        if (body.Length > 0 && !Utf8.IsValid(body))
        {
            message = Excerpt(body);
        }
        else if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    type ??= StringProperty(root, "__type") ?? StringProperty(root, "code") ?? StringProperty(root, "Code");
                    message = StringProperty(root, "message") ?? StringProperty(root, "Message");
                }
            }
            catch (JsonException)
            {
                message = Excerpt(body);
            }
        }

        // "__type" may carry a namespace ("com.amazon...#NotFoundException").
        if (type is not null && type.Contains('#', StringComparison.Ordinal))
        {
            type = type[(type.LastIndexOf('#') + 1)..];
        }

        type ??= status switch
        {
            HttpStatusCode.TooManyRequests => "TooManyRequestsException",
            HttpStatusCode.NotFound => "NotFoundException",
            HttpStatusCode.Conflict => "ConflictException",
            HttpStatusCode.ServiceUnavailable => "ServiceUnavailableException",
            _ => $"Http{(int)status}",
        };
        return new PetardServiceException(type, message ?? NoMessage, status, requestId, operation.Name);
    }

    private static async Task<byte[]> ReadBodyAsync(OperationDefinition operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw PetardErrors.ResponseTooLarge(operation, response.Content.Headers.ContentLength, MaxResponseBytes);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Sized from Content-Length when the server sends it; chunks come from the shared pool.
            using var buffer = new MemoryStream(response.Content.Headers.ContentLength is { } length ? (int)length : 0);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxResponseBytes)
                    {
                        throw PetardErrors.ResponseTooLarge(operation, declaredLength: null, MaxResponseBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        return headers;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// What a broken success answer looked like. A page from a proxy is quoted; JSON is not, since a
    /// success may carry secrets (an API key's value, GetApiKey with includeValue) that a cut answer
    /// would otherwise carry into a log.
    /// </summary>
    private static string SuccessExcerpt(byte[] body)
    {
        var start = Array.FindIndex(body, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'));
        return start >= 0 && body[start] is (byte)'{' or (byte)'['
            ? $"{body.Length} bytes of JSON, cut short or malformed (not quoted: it may hold secrets)"
            : Excerpt(body);
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MessageExcerptLength * 4));
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > MessageExcerptLength ? text[..MessageExcerptLength] + "..." : text;
    }
}
