using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>What the wire must carry for an operation, derived from the official model alone.</summary>
public sealed class ExpectedRequest
{
    /// <summary>The raw definition sent as every blob payload.</summary>
    public static readonly byte[] Definition = Encoding.UTF8.GetBytes("{\"swagger\":\"2.0\",\"info\":{\"title\":\"caf\u00e9\"}}");

    private readonly JsonObject parameters = [];

    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public List<(string, string)> Query { get; } = [];
    public string Accept { get; private set; } = "application/json";
    public Dictionary<string, string> Headers { get; } = [];
    public JsonObject? Body { get; private set; }
    public byte[]? Payload { get; private set; }
    public string? PayloadMember { get; private set; }
    public bool BlobOutput { get; private set; }

    public static ExpectedRequest For(string operation)
    {
        var official = OfficialModel.Operation(operation);
        var http = official.GetProperty("http");
        var template = http.GetProperty("requestUri").GetString()!;
        var expected = new ExpectedRequest { Method = http.GetProperty("method").GetString()!, Path = template.Split('?')[0], BlobOutput = OfficialModel.HasBlobOutput(operation) };
        if (template.Contains('?', StringComparison.Ordinal))
        {
            expected.Query.AddRange(template.Split('?')[1].Split('&').Select(p => p.Split('=')).Select(kv => (kv[0], kv[1])));
        }

        if (official.TryGetProperty("input", out var input))
        {
            var shape = OfficialModel.Shape(input.GetProperty("shape").GetString()!);
            var payload = shape.TryGetProperty("payload", out var p) ? p.GetString() : null;
            foreach (var member in shape.GetProperty("members").EnumerateObject())
            {
                expected.Add(member, member.Name == payload);
            }
        }

        return expected;
    }

    public JsonElement AsJson() => JsonSerializer.SerializeToElement(parameters);

    public Dictionary<string, object?> AsDictionary(string payloadKind) =>
        parameters.ToDictionary(p => p.Key, p => p.Key == PayloadMember ? Blob(payloadKind, Payload!) : SampleValues.ToClr(p.Value));

    private void Add(JsonProperty member, bool isPayload)
    {
        var name = member.Name;
        var wire = member.Value.TryGetProperty("locationName", out var w) ? w.GetString()! : name;
        var shapeName = member.Value.GetProperty("shape").GetString()!;
        var type = OfficialModel.Shape(shapeName).GetProperty("type").GetString();
        var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;

        if (isPayload)
        {
            PayloadMember = name;
            Payload = Definition;
            parameters[name] = Encoding.UTF8.GetString(Definition);
            return;
        }

        switch (location)
        {
            case "uri":
                var label = $"{name} a/b caf\u00e9";
                parameters[name] = label;
                Path = Path.Replace("{" + wire + "}", SampleValues.PercentEncode(label), StringComparison.Ordinal);
                break;
            case "querystring" when type == "list":
                parameters[name] = new JsonArray($"{name} 0", $"{name}+1");
                Query.Add((wire, $"{name} 0"));
                Query.Add((wire, $"{name}+1"));
                break;
            case "querystring" when type == "map":
                parameters[name] = new JsonObject { ["first key"] = "v 1", ["second"] = "v+2&x=y" };
                Query.Add(("first key", "v 1"));
                Query.Add(("second", "v+2&x=y"));
                break;
            case "querystring":
                var value = type == "string" ? JsonValue.Create($"{name} +&=?caf\u00e9") : SampleValues.ForShape(shapeName, name)!;
                parameters[name] = value;
                Query.Add((wire, SampleValues.WireText(value)));
                break;
            case "header":
                var header = wire == "Accept" ? "application/yaml" : $"{name}-header";
                parameters[name] = header;
                if (wire == "Accept")
                {
                    Accept = header;
                }
                else
                {
                    Headers[wire] = header;
                }

                break;
            default:
                var sample = SampleValues.ForShape(shapeName, name);
                parameters[name] = sample;
                Body ??= [];
                Body[wire] = sample!.DeepClone();
                break;
        }
    }

    /// <summary>A blob value in one of the forms a caller may pass.</summary>
    public static object Blob(string kind, byte[] bytes) => kind switch
    {
        "string" => Encoding.UTF8.GetString(bytes),
        "bytes" => bytes,
        "stream" => new MemoryStream(bytes),
        "memory" => new ReadOnlyMemory<byte>(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
