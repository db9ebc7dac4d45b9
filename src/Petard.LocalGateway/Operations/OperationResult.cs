using System.Text.Json.Nodes;

namespace Petard.Local.Operations;

/// <summary>What an operation answers: JSON, raw bytes with a content type (GetExport), or nothing.</summary>
/// <param name="Json">The JSON body.</param>
/// <param name="Blob">A raw body.</param>
/// <param name="ContentType">The raw body's content type.</param>
/// <param name="ContentDisposition">The raw body's <c>Content-Disposition</c> (GetExport names its file), if any.</param>
internal sealed record OperationResult(JsonNode? Json, byte[]? Blob = null, string? ContentType = null, string? ContentDisposition = null)
{
    public static readonly OperationResult Empty = new((JsonNode?)null);

    public static implicit operator OperationResult(JsonObject json) => FromJson(json);

    public static OperationResult FromJson(JsonObject json) => new((JsonNode)json);
}
