using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// Hostile input sent to the emulator over raw HTTP: each is answered with a 4xx in the service's
/// error form (an <c>x-amzn-ErrorType</c> header, a <c>{"message": ...}</c> body with a message)
/// and leaves the state as it was. Before the fix most of them got an empty 500.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : GatewayScenario
{
    private const string Authorization = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDHOSTILE/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";
    private const string Scope = "Credential=AKIDHOSTILE/20260101/us-east-1/apigateway/aws4_request";
    private const string Info = "info: {title: hostile, version: '1'}\n";

    /// <summary>A request with <c>{api}</c> standing for the seeded API's id.</summary>
    private sealed record Input(string Method, string Target, string[] Headers, byte[] Body, int Status, string ErrorType);

    private static readonly Dictionary<string, Input> Inputs = new()
    {
        ["SigV4 header with a repeated key"] = new("GET", "/restapis", [$"Authorization: AWS4-HMAC-SHA256 {Scope}, {Scope}, SignedHeaders=host, Signature=00"], [], 403, "IncompleteSignatureException"),
        ["SigV4 header =,=,="] = new("GET", "/restapis", ["Authorization: AWS4-HMAC-SHA256 =,=,="], [], 403, "IncompleteSignatureException"),
        ["two Authorization headers"] = new("GET", "/restapis", [Authorization, Authorization], [], 403, "IncompleteSignatureException"),
        ["duplicate JSON keys"] = Json("POST", "/restapis", """{"name":"a","name":"b"}"""),
        ["invalid UTF-8 in a JSON string"] = new("POST", "/restapis", [Authorization, "Content-Type: application/json"], [.. "{\"name\":\"caf"u8, 0xE9, .. "\"}"u8], 400, "BadRequestException"),
        ["stage method setting as the JSON number 1e400"] = Json("PATCH", "/restapis/{api}/stages/dev", """{"patchOperations":[{"op":"replace","path":"/*/*/throttling/rateLimit","value":1e400}]}"""),
        ["stage method setting NaN"] = Patch("/*/*/throttling/rateLimit", "NaN"),
        ["stage method setting Infinity"] = Patch("/*/*/throttling/rateLimit", "Infinity"),
        ["stage method setting 1e400"] = Patch("/*/*/throttling/burstLimit", "1e400"),
        ["YAML complex key"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  ? [a, b]\n  : {}\n"),
        ["YAML alias used as a key"] = Definition("openapi: 3.0.1\ninfo: &i {title: hostile, version: '1'}\npaths:\n  *i : {}\n"),
        ["YAML duplicate key"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a: {}\n  /a: {}\n"),
        ["YAML .nan as a number"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: .nan}\n"),
        ["YAML 1e999 as a number"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1e999}\n"),
        ["info as a list"] = Definition("openapi: 3.0.1\ninfo:\n  - title\npaths: {}\n"),
        ["paths as a list"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  - /a\n"),
        ["a path item as a string"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a: get\n"),
        ["an operation as a list"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a:\n    get: [x]\n"),
        ["method foo"] = Definition("openapi: 3.0.1\n" + Info + "paths:\n  /a:\n    foo: {responses: {}}\n"),
        ["components as a list"] = Definition("openapi: 3.0.1\n" + Info + "components: [schemas]\npaths: {}\n"),
        ["JSON definition with duplicate keys"] = Definition("""{"openapi":"3.0.1","info":{"title":"a","title":"b","version":"1"},"paths":{}}"""),
        ["definition that is not UTF-8"] = new("PUT", "/restapis/{api}?mode=overwrite", [Authorization], [.. "openapi: 3.0.1\ninfo: {title: caf"u8, 0xE9, .. ", version: '1'}\npaths: {}\n"u8], 400, "BadRequestException"),
        ["position overflow (petard:2147483647)"] = new("GET", "/restapis?position=" + Uri.EscapeDataString(Convert.ToBase64String("petard:2147483647"u8.ToArray())), [Authorization], [], 400, "BadRequestException"),
        ["fault latencyMilliseconds 1e30"] = Fault("""{"operation":"GetRestApis","kind":"Latency","latencyMilliseconds":1e30}"""),
        ["fault latencyMilliseconds -1"] = Fault("""{"operation":"GetRestApis","kind":"Latency","latencyMilliseconds":-1}"""),
        ["fault rule with duplicate keys"] = Fault("""{"operation":"GetRestApis","kind":"Throttle","kind":"Conflict"}"""),
        ["fault rule count as a string"] = Fault("""{"operation":"GetRestApis","kind":"Throttle","count":"many"}"""),
    };

    public static TheoryData<string> Cases => [.. Inputs.Keys];

    private static Input Json(string method, string target, string json) =>
        new(method, target, [Authorization, "Content-Type: application/json"], Encoding.UTF8.GetBytes(json), 400, "BadRequestException");

    private static Input Patch(string path, string value) =>
        Json("PATCH", "/restapis/{api}/stages/dev", JsonSerializer.Serialize(new { patchOperations = new[] { new { op = "replace", path, value } } }));

    private static Input Definition(string text) =>
        new("PUT", "/restapis/{api}?mode=overwrite", [Authorization], Encoding.UTF8.GetBytes(text), 400, "BadRequestException");

    private static Input Fault(string json) =>
        new("POST", "/_petard/faults", ["Content-Type: application/json"], Encoding.UTF8.GetBytes(json), 400, "BadRequestException");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_a_4xx_in_the_service_form_and_leaves_the_state_unchanged(string name)
    {
        var apiId = await SeedAsync();
        var before = Gateway.Snapshot().ToJsonString();

        var answer = await SendAsync(Inputs[name], apiId);

        Assert.Equal(Inputs[name].Status, answer.Status);
        Assert.Equal(Inputs[name].ErrorType, answer.Headers["x-amzn-ErrorType"].SingleOrDefault());
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(answer.Body).RootElement.GetProperty("message").GetString()));
        Assert.Equal(before, Gateway.Snapshot().ToJsonString());
        Assert.Empty(Gateway.Faults.Active);
        await AssertStillReadableAsync(apiId);
    }

    [Fact]
    public async Task No_hostile_input_is_answered_with_a_5xx()
    {
        var apiId = await SeedAsync();
        var answers = new List<(string Name, int Status)>();
        foreach (var (name, input) in Inputs)
        {
            answers.Add((name, (await SendAsync(input, apiId)).Status));
        }

        foreach (var (name, status) in answers)
        {
            output.WriteLine($"{status} {name}");
        }

        output.WriteLine($"inputs tried: {answers.Count}, 5xx answered: {answers.Count(a => a.Status >= 500)}");
        Assert.DoesNotContain(answers, a => a.Status >= 500);
        await AssertStillReadableAsync(apiId);
    }

    /// <summary>An API with a deployment and a stage <c>dev</c>, for the inputs that address them.</summary>
    private async Task<string> SeedAsync()
    {
        using var client = Client();
        var api = await client.InvokeAsync("ImportRestApi", new { body = "openapi: 3.0.1\n" + Info + "paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n" });
        await client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "dev" });
        return api.Id!;
    }

    private Task<RawAnswer> SendAsync(Input input, string apiId) =>
        RawHttpClient.SendAsync(Gateway.Url, input.Method, input.Target.Replace("{api}", apiId, StringComparison.Ordinal), input.Headers, input.Body);

    /// <summary>Every read of what the input aimed at still answers (a NaN stored once made them all 500).</summary>
    private async Task AssertStillReadableAsync(string apiId)
    {
        using var client = Client();
        await client.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" });
        await client.InvokeAsync("GetExport", new { restApiId = apiId, stageName = "dev", exportType = "oas30" });
        await client.PaginateAsync("GetResources", new { restApiId = apiId }).ToListAsync();
    }
}
