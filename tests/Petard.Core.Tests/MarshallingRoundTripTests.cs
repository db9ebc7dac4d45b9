using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Core.Tests.Infrastructure;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>
/// One round trip per official operation: every member filled with a value of its official shape,
/// sent through a recording handler, and the wire request checked against expectations derived
/// from botocore's model (not from ours), then a canned success answer read back.
/// </summary>
public class MarshallingRoundTripTests
{
    private static readonly byte[] Definition = Encoding.UTF8.GetBytes("{\"swagger\":\"2.0\",\"info\":{\"title\":\"caf\u00e9\"}}");

    public static TheoryData<string, string> OperationsAndForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in OfficialModel.OperationNames())
        {
            data.Add(name, "dictionary");
            data.Add(name, "json");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(OperationsAndForms))]
    public async Task Request_goes_on_the_wire_as_the_official_model_says(string operation, string form)
    {
        var expected = ExpectedRequest.For(operation);
        var official = OfficialModel.Operation(operation).GetProperty("http");
        var status = official.TryGetProperty("responseCode", out var code) ? (HttpStatusCode)code.GetInt32() : HttpStatusCode.OK;
        var blob = Encoding.UTF8.GetBytes("exported bytes \u00e9");
        var handler = new RecordingHandler().Then(_ => expected.BlobOutput
            ? new HttpResponseMessage(status) { Content = new ByteArrayContent(blob) }
            : RecordingHandler.Json(status, "{\"id\":\"abc\",\"createdDate\":1700000000}"));
        using var client = TestClients.Create(handler);

        var result = await client.InvokeAsync(operation, form == "json" ? expected.AsJson() : expected.AsDictionary(PayloadKind(operation)));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(expected.Method, request.Method.Method);
        Assert.Equal(expected.Path, request.Uri.AbsolutePath);
        Assert.Equal(expected.Query.Order(), ReadQuery(request.Uri).Order());
        Assert.Equal(expected.Accept, request.Header("Accept"));
        foreach (var (name, value) in expected.Headers)
        {
            Assert.Equal(value, request.Header(name));
        }

        if (expected.Payload is not null)
        {
            Assert.Equal(expected.Payload, request.Body);
        }
        else if (expected.Body is not null)
        {
            Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
            var sent = JsonNode.Parse(request.BodyText);
            Assert.True(JsonNode.DeepEquals(expected.Body, sent), $"body {request.BodyText}\nexpected {expected.Body.ToJsonString()}");
        }
        else
        {
            Assert.True(request.Body is null || request.Body.Length == 0, $"{operation} has no body members but sent '{request.BodyText}'");
        }

        Assert.Equal(status, result.StatusCode);
        if (expected.BlobOutput)
        {
            Assert.Equal(blob, result.Body!.Value.ToArray());
        }
        else
        {
            Assert.Equal("{\"id\":\"abc\",\"createdDate\":1700000000}", result.ToString());
        }
    }

    [Theory]
    [InlineData("string")]
    [InlineData("bytes")]
    [InlineData("stream")]
    [InlineData("memory")]
    public async Task PutRestApi_sends_its_definition_raw(string kind)
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        await client.InvokeAsync("PutRestApi", new { restApiId = "a1", mode = "overwrite", body = Blob(kind, Definition) });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(Definition, request.Body);
        Assert.Equal("/restapis/a1", request.Uri.AbsolutePath);
        Assert.Equal("?mode=overwrite", request.Uri.Query);
    }

    [Fact]
    public async Task Literal_query_of_the_uri_template_is_kept_beside_member_parameters()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        await client.InvokeAsync("ImportRestApi", new { body = "{}", failOnWarnings = true, parameters = new Dictionary<string, string> { ["endpointConfigurationTypes"] = "REGIONAL" } });

        var query = ReadQuery(Assert.Single(handler.Requests).Uri);
        Assert.Equal([("endpointConfigurationTypes", "REGIONAL"), ("failonwarnings", "true"), ("mode", "import")], query.Order());
    }

    [Fact]
    public async Task GetExport_accepts_overrides_the_default_accept_header()
    {
        var handler = new RecordingHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("openapi: 3.0.1") });
        using var client = TestClients.Create(handler);

        var result = await client.InvokeAsync("GetExport", new { restApiId = "a1", stageName = "prod", exportType = "oas30", accepts = "application/yaml" });

        Assert.Equal("application/yaml", Assert.Single(handler.Requests).Header("Accept"));
        Assert.Equal("openapi: 3.0.1", Encoding.UTF8.GetString(result.Body!.Value.Span));
    }

    private static string PayloadKind(string operation) => operation switch
    {
        "ImportRestApi" => "bytes",
        "ImportApiKeys" => "stream",
        _ => "string",
    };

    internal static object Blob(string kind, byte[] bytes) => kind switch
    {
        "string" => Encoding.UTF8.GetString(bytes),
        "bytes" => bytes,
        "stream" => new MemoryStream(bytes),
        "memory" => new ReadOnlyMemory<byte>(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static List<(string, string)> ReadQuery(Uri uri)
    {
        var raw = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        Assert.DoesNotContain(' ', raw);
        Assert.DoesNotContain('+', raw); // a '+' would read as a space on the server
        return raw.Length == 0
            ? []
            : raw.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))).ToList();
    }

    /// <summary>What the wire must carry for an operation, derived from the official model alone.</summary>
    private sealed class ExpectedRequest
    {
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
            var expected = new ExpectedRequest { Method = http.GetProperty("method").GetString()!, Path = template.Split('?')[0] };
            if (template.Contains('?', StringComparison.Ordinal))
            {
                expected.Query.AddRange(template.Split('?')[1].Split('&').Select(p => p.Split('=')).Select(kv => (kv[0], kv[1])));
            }

            if (official.TryGetProperty("output", out var output))
            {
                var shape = OfficialModel.Shape(output.GetProperty("shape").GetString()!);
                expected.BlobOutput = shape.TryGetProperty("payload", out var p)
                    && OfficialModel.Shape(shape.GetProperty("members").GetProperty(p.GetString()!).GetProperty("shape").GetString()!).GetProperty("type").GetString() == "blob";
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
    }
}
