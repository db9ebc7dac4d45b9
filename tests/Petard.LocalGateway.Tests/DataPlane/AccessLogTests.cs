namespace Petard.Local.Tests.DataPlane;

/// <summary>One access log line per data-plane request: the default Common Log Format line, or the stage's format with $context variables.</summary>
public sealed class AccessLogTests : DataPlaneTestBase
{
    private static readonly string PetsApi = Api($"""
          /pets/{"{"}id{"}"}:
        {Mock("get", """{"ok": true}""")}
        """);

    [Fact]
    public async Task Each_request_writes_one_default_line()
    {
        var apiId = await DeployAsync(PetsApi);

        var ok = await CallAsync("GET", InvokeUrl(apiId, "/pets/1"));
        await CallAsync("GET", InvokeUrl(apiId, "/nowhere"));

        var lines = await AccessLinesAsync(2);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^127\.0\.0\.1 - - \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] ""GET /pets/\{id\} HTTP/1\.1"" 200 12 " + ok.Header("x-amzn-RequestId") + "$", lines[0]);
        Assert.Contains("\"GET /nowhere HTTP/1.1\" 403 42 ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stage_format_is_used_with_context_variables()
    {
        var apiId = await DeployAsync(PetsApi);
        await PatchStageAsync(
            apiId,
            ("/accessLogSettings/format", """{"requestId":"$context.requestId","status":"$context.status","path":"$context.path","stage":"$context.stage","error":"$context.error.message"}"""),
            ("/accessLogSettings/destinationArn", "arn:aws:logs:us-east-1:123456789012:log-group:access"));

        var ok = await CallAsync("GET", InvokeUrl(apiId, "/pets/1"));

        var line = Assert.Single(await AccessLinesAsync(1));
        Assert.Equal($$"""{"requestId":"{{ok.Header("x-amzn-RequestId")}}","status":"200","path":"/dev/pets/1","stage":"dev","error":"-"}""", line);
    }

    // The endpoint writes the line after the response has gone, so the client may read the log first: wait for the lines (up to 5 s).
    private async Task<string[]> AccessLinesAsync(int count)
    {
        for (var i = 0; i < 100 && AccessLines().Length < count; i++)
        {
            await Task.Delay(50);
        }

        return AccessLines();
    }

    // The log also says why a request failed; those lines are not access log lines.
    private string[] AccessLines() =>
        LogText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(" Execution failed ", StringComparison.Ordinal)).ToArray();
}
