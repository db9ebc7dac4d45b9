using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Petard.Local.Http;

/// <summary>
/// Parses a JSON request body so that everything wrong with it is found here, as a 400, and not
/// later by whatever first reads the bad part: <see cref="JsonNode"/> builds objects lazily and
/// decodes strings on demand, so duplicate keys and invalid UTF-8 would otherwise surface as an
/// <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> deep in an operation.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="utf8"/>, or refuses it with a BadRequestException naming <paramref name="what"/>.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, string what)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw GatewayException.BadRequest($"{what} is not valid UTF-8. Send JSON encoded as UTF-8.");
        }

        try
        {
            return JsonNode.Parse(utf8, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            throw GatewayException.BadRequest($"{what} is not valid JSON ({ex.Message}). Send a JSON object with each key once.");
        }
    }
}
