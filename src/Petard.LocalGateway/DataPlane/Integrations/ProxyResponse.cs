using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Integrations;

/// <summary>
/// Reads a Lambda proxy response (<c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>,
/// <c>body</c>, <c>isBase64Encoded</c>); anything else is the service's 502 for a malformed answer.
/// </summary>
internal static class ProxyResponse
{
    private static readonly HashSet<string> Members = ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"];

    /// <summary>Maps a proxy response; a base64 body is decoded only when <paramref name="decodeBase64"/> (the client's first Accept type is binary), else it is sent as the text it is.</summary>
    public static InvokeResponse Map(byte[] payload, bool decodeBase64)
    {
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject answer)
            {
                throw Malformed("the answer is not a JSON object");
            }

            if (answer.Select(m => m.Key).FirstOrDefault(k => !Members.Contains(k)) is { } unknown)
            {
                throw Malformed($"unexpected member '{unknown}'");
            }

            var response = new InvokeResponse(StatusCode(answer["statusCode"]));
            foreach (var (name, value) in answer["headers"] as JsonObject ?? [])
            {
                response.SetHeader(name, Scalar(value));
            }

            foreach (var (name, values) in answer["multiValueHeaders"] as JsonObject ?? [])
            {
                response.Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
                response.Headers.AddRange((values as JsonArray ?? throw Malformed($"multiValueHeaders.{name} is not an array")).Select(v => KeyValuePair.Create(name, Scalar(v))));
            }

            var body = answer["body"] switch
            {
                null => null,
                JsonValue v when v.TryGetValue(out string? text) => text,
                _ => throw Malformed("body is not a string"),
            };
            var base64 = answer["isBase64Encoded"] is JsonValue flag && flag.TryGetValue(out bool b) && b;
            response.Body = body is null ? [] : base64 && decodeBase64 ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
            return response;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw Malformed(ex.Message);
        }
    }

    public static GatewayResponseException Malformed(string detail) =>
        GatewayResponseException.IntegrationFailure($"Malformed Lambda proxy response: {detail}.");

    private static int StatusCode(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out int code) => code,
        JsonValue v when v.TryGetValue(out string? text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Malformed("statusCode is missing or not a number"),
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw Malformed("a header value is not a scalar"),
    };
}
