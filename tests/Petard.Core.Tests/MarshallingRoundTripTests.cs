using System.Net;
using System.Text;
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

        await client.InvokeAsync("PutRestApi", new { restApiId = "a1", mode = "overwrite", body = ExpectedRequest.Blob(kind, ExpectedRequest.Definition) });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(ExpectedRequest.Definition, request.Body);
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

    private static List<(string, string)> ReadQuery(Uri uri)
    {
        var raw = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        Assert.DoesNotContain(' ', raw);
        Assert.DoesNotContain('+', raw); // a '+' would read as a space on the server
        return raw.Length == 0
            ? []
            : raw.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))).ToList();
    }
}
