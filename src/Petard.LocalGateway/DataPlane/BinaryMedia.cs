namespace Petard.Local.DataPlane;

/// <summary>
/// Binary payloads as the service converts them: a payload is binary when its media type is one of
/// the API's binary media types (<c>image/png</c>, <c>image/*</c>, <c>*/*</c>); the integration's
/// and the integration response's <c>contentHandling</c> (<c>CONVERT_TO_TEXT</c>,
/// <c>CONVERT_TO_BINARY</c>) and the request's first <c>Accept</c> type decide the conversions of
/// the service's "Content type conversions" tables.
/// </summary>
internal static class BinaryMedia
{
    public const string ConvertToText = "CONVERT_TO_TEXT";

    public const string ConvertToBinary = "CONVERT_TO_BINARY";

    /// <summary>Whether a content type is one of the API's binary media types; <c>*/*</c> makes every payload binary.</summary>
    public static bool IsBinary(Invocation invocation, string? contentType)
    {
        var mediaType = Steps.IntegrationRequestStep.MediaType(contentType);
        foreach (var node in invocation.BinaryMediaTypes)
        {
            var pattern = node.Replace("~1", "/", StringComparison.Ordinal);
            if (pattern == "*/*")
            {
                return true;
            }

            if (mediaType is not null
                && (string.Equals(pattern, mediaType, StringComparison.OrdinalIgnoreCase)
                    || (pattern.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the client asks for binary: the service reads only the first media type of <c>Accept</c>.</summary>
    public static bool AcceptsBinary(Invocation invocation) =>
        IsBinary(invocation, invocation.Request.Header("Accept")?.Split(',')[0]);

    /// <summary>
    /// The integration request payload of a non-proxy integration and whether it is binary (a
    /// binary payload skips the mapping templates and passes as is, as the service passes it).
    /// </summary>
    public static (byte[] Payload, bool IsBinary) ConvertRequest(Invocation invocation, string? contentHandling)
    {
        var request = invocation.Request;
        var binary = IsBinary(invocation, request.ContentType);
        return (binary, contentHandling) switch
        {
            (true, ConvertToText) => (Base64Encode(request.Body), false),
            (true, _) => (request.Body, true),
            (false, ConvertToBinary) => (Base64Decode(request.Body, "method request body"), true),
            _ => (request.Body, false),
        };
    }

    /// <summary>The integration response payload of a non-proxy integration, converted for the method response.</summary>
    public static byte[] ConvertResponse(Invocation invocation, InvokeResponse backend, string? contentHandling)
    {
        var binaryPayload = IsBinary(invocation, backend.Header("Content-Type"));
        var toText = contentHandling == ConvertToText || (contentHandling is null && !AcceptsBinary(invocation));
        return binaryPayload
            ? toText ? Base64Encode(backend.Body) : backend.Body
            : toText ? backend.Body : Base64Decode(backend.Body, "integration response body");
    }

    private static byte[] Base64Encode(byte[] payload) => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(payload));

    private static byte[] Base64Decode(byte[] payload, string what)
    {
        try
        {
            return Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(payload));
        }
        catch (FormatException)
        {
            throw GatewayResponseException.ConfigurationError($"Unable to convert the {what} to binary: it is not base64 text (contentHandling {ConvertToBinary}, or an Accept type that is binary).");
        }
    }
}
