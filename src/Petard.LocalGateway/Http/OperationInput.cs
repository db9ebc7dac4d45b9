using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.Local.Http;

/// <summary>
/// The members of one request, by official member name, gathered from the path, query string,
/// headers and JSON body as the operation model places them; plus the raw payload, if any.
/// </summary>
internal sealed class OperationInput(OperationDefinition operation, JsonObject members, byte[]? payload)
{
    public OperationDefinition Operation { get; } = operation;

    public JsonObject Members { get; } = members;

    /// <summary>The raw body of PutRestApi/ImportRestApi.</summary>
    public byte[]? Payload { get; } = payload;

    public string? String(string name) => Members[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public string Required(string name) =>
        String(name) is { Length: > 0 } value
            ? value
            : throw MissingMember(name);

    /// <summary>The service's answer to a required member left out.</summary>
    public static GatewayException MissingMember(string name) =>
        GatewayException.BadRequest(Validation.ValidationFailures.Sentence("nullValue", ("member", name)));

    public bool? Bool(string name) => Members[name] is JsonValue v && v.TryGetValue(out bool b) ? b : null;

    public int? Int(string name) => Members[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;

    public JsonObject? Map(string name) => Members[name] as JsonObject;

    public JsonNode? Node(string name) => Members[name];
}
