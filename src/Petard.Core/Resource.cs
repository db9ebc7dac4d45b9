using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Petard;

/// <summary>
/// A result of API Gateway: the JSON exactly as the service sent it, plus response metadata.
/// Collections keep their items under the wire key <c>item</c>, exposed as <see cref="Items"/>.
/// Blob results (GetExport, GetSdk) carry their bytes in <see cref="Body"/> instead of JSON.
/// </summary>
public sealed class Resource
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Creates a resource over JSON and response metadata.</summary>
    /// <param name="json">The response JSON (an object for every API Gateway operation).</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="requestId">The service's request id, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">Raw bytes of a blob response, else <c>null</c>.</param>
    public Resource(JsonElement json, HttpStatusCode statusCode = HttpStatusCode.OK, string? requestId = null, IReadOnlyDictionary<string, string>? headers = null, ReadOnlyMemory<byte>? body = null)
    {
        Json = json.ValueKind == JsonValueKind.Undefined ? EmptyObject : json;
        StatusCode = statusCode;
        RequestId = requestId;
        Headers = headers ?? new Dictionary<string, string>();
        Body = body;
    }

    /// <summary>The JSON the service returned (an empty object for an empty body).</summary>
    public JsonElement Json { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's request id (<c>x-amzn-RequestId</c>).</summary>
    public string? RequestId { get; }

    /// <summary>The response headers (a repeated header's values joined with commas; names case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw bytes of a blob response (GetExport, GetSdk); <c>null</c> for JSON responses.</summary>
    public ReadOnlyMemory<byte>? Body { get; }

    /// <summary>The <c>Content-Type</c> of the response, if sent.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    /// <summary>The <c>Content-Disposition</c> of the response, if sent (GetExport names its file with it).</summary>
    public string? ContentDisposition => Headers.TryGetValue("Content-Disposition", out var value) ? value : null;

    /// <summary>A property of the JSON; <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    /// <param name="name">The property name as the service spells it, e.g. <c>id</c>.</param>
    public JsonElement this[string name] =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The <c>id</c> property, which most API Gateway resources carry.</summary>
    public string? Id => GetString("id");

    /// <summary>The items of a collection (wire key <c>item</c>); empty when there are none.</summary>
    public IReadOnlyList<Resource> Items
    {
        get
        {
            var items = this["item"];
            if (items.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return items.EnumerateArray().Select(i => new Resource(i, StatusCode, RequestId)).ToList();
        }
    }

    /// <summary>The pagination token of a collection, <c>null</c> on its last page.</summary>
    public string? Position => GetString("position");

    /// <summary>A string property, or <c>null</c> when absent or not a string.</summary>
    /// <param name="name">The property name.</param>
    public string? GetString(string name)
    {
        var value = this[name];
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Whether the JSON has a property with this name.</summary>
    /// <param name="name">The property name.</param>
    public bool Has(string name) => this[name].ValueKind != JsonValueKind.Undefined;

    /// <summary>The JSON deserialized into a type of the caller's, by reflection.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <remarks>Trimmed and Native AOT code passes source-generated metadata to the <see cref="JsonTypeInfo{T}"/> overload instead.</remarks>
    [RequiresUnreferencedCode("Deserializes by reflection over T. Pass a JsonTypeInfo<T> from a JsonSerializerContext instead.")]
    [RequiresDynamicCode("Deserializes by reflection over T. Pass a JsonTypeInfo<T> from a JsonSerializerContext instead.")]
    public T? Deserialize<T>() => Json.Deserialize<T>();

    /// <summary>The JSON deserialized into a type of the caller's with source-generated metadata: safe for trimming and Native AOT.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="typeInfo">The type's metadata, e.g. <c>MyJsonContext.Default.MyType</c>.</param>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) => Json.Deserialize(typeInfo);

    /// <summary>The JSON text, as the service sent it.</summary>
    public override string ToString() => Json.GetRawText();
}
