using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// The state file's journal: every answered change is on disk before its answer, whatever kills the
/// emulator afterwards, and a change writes what it changed, not the whole state.
/// </summary>
public sealed class StateJournalTests : IDisposable
{
    private const string Definition = """{"swagger":"2.0","info":{"title":"Kept","version":"1"},"paths":{"/a":{"get":{"responses":{},"x-amazon-apigateway-integration":{"type":"mock"}}}}}""";

    private readonly string folder = Directory.CreateTempSubdirectory("petard-journal-").FullName;

    private string StatePath => Path.Combine(folder, "state.json");

    private string JournalPath => StatePath + ".journal";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Every_change_answered_before_SIGKILL_is_there_after_a_restart()
    {
        JsonNode before;
        using (var host = StartHost())
        {
            try
            {
                var url = System.Text.RegularExpressions.Regex.Match(await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "", @"http://127\.0\.0\.1:\d+/").Value;
                using var client = Client(url);
                var apiId = (await client.InvokeAsync("ImportRestApi", new { body = Definition })).Id!;
                var gone = (await client.InvokeAsync("CreateRestApi", new { name = "removed later" })).Id!;
                await client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev", variables = new Dictionary<string, string> { ["v"] = "1" } });
                await client.InvokeAsync("UpdateStage", new { restApiId = apiId, stageName = "dev", patchOperations = new[] { new { op = "replace", path = "/variables/v", value = "2" } } });
                await client.InvokeAsync("CreateApiKey", new { name = "key", enabled = true });
                await client.InvokeAsync("CreateVpcLink", new { name = "link", targetArns = new[] { "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/1234567890abcdef" } });
                await client.InvokeAsync("GenerateClientCertificate", new { description = "cert" });
                await client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op = "replace", path = "/cloudwatchRoleArn", value = "arn:aws:iam::123456789012:role/apigw-logs" } } });
                await client.InvokeAsync("TagResource", new { resourceArn = $"arn:aws:apigateway:us-east-1::/restapis/{apiId}/stages/dev", tags = new Dictionary<string, string> { ["team"] = "orders" } });
                await client.InvokeAsync("DeleteRestApi", new { restApiId = gone });
                await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("CreateStage", new { restApiId = apiId, stageName = "dev", deploymentId = "nope00" })); // refused: journals nothing
                using var http = new HttpClient();
                before = JsonNode.Parse(await http.GetStringAsync(new Uri(url + "_petard/state")))!;
            }
            finally
            {
                host.Kill(); // SIGKILL: no shutdown, the journal is all there is
                await host.WaitForExitAsync();
            }
        }

        Assert.True(File.Exists(JournalPath));
        await using var restarted = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath });
        Assert.True(JsonNode.DeepEquals(before, restarted.Snapshot()), $"before: {before.ToJsonString()}\nafter: {restarted.Snapshot().ToJsonString()}");
        Assert.False(File.Exists(JournalPath)); // folded into the snapshot at start
    }

    [Fact]
    public async Task A_small_change_to_a_large_state_appends_about_its_own_size()
    {
        string target;
        await using (var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            using var client = Client(gateway.Url);
            target = (await client.InvokeAsync("CreateRestApi", new { name = "target" })).Id!;
            await client.InvokeAsync("ImportRestApi", new { body = Many(paths: 300) });
        }

        var snapshot = new FileInfo(StatePath).Length;
        await using (var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            using var client = Client(gateway.Url);
            await client.InvokeAsync("UpdateRestApi", new { restApiId = target, patchOperations = new[] { new { op = "replace", path = "/description", value = "changed" } } });

            var appended = new FileInfo(JournalPath).Length;
            Assert.True(snapshot > 100_000, $"the state is {snapshot} bytes");
            Assert.InRange(appended, 1, 2_000); // the one API it changed, not the state
            Assert.Equal(snapshot, new FileInfo(StatePath).Length); // the snapshot was not rewritten
        }

        Assert.Contains("changed", await File.ReadAllTextAsync(StatePath), StringComparison.Ordinal); // a clean stop folds the journal in
        Assert.False(File.Exists(JournalPath));
    }

    [Fact]
    public async Task A_line_cut_off_by_a_kill_is_dropped_and_a_damaged_line_before_it_stops_the_start()
    {
        await File.WriteAllTextAsync(StatePath, """{"format":1,"state":{"apiKeys":{"k1":{"id":"k1","name":"kept"}}}}""");
        await File.WriteAllTextAsync(JournalPath, """{"edits":[{"collection":"apiKeys","id":"k2","value":{"id":"k2","name":"journaled"}}]}""" + "\n" + """{"edits":[{"collection":"apiKeys","id":"k3","val""");

        await using (var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            var keys = gateway.Snapshot()["apiKeys"]!.AsObject();
            Assert.Equal(["k1", "k2"], keys.Select(k => k.Key).Order(StringComparer.Ordinal));
        }

        var damaged = """{"edits":[{"collection":"apiKeys","id":"k4","value":[1]}]}""" + "\n";
        await File.WriteAllTextAsync(JournalPath, damaged);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }));
        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("apiKeys.k4", error.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, await File.ReadAllTextAsync(JournalPath));
    }

    private Process StartHost()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Petard.LocalGateway.dll"));
        foreach (var arg in new[] { "--port", "0", "--state-file", StatePath })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static string Many(int paths) =>
        """{"swagger":"2.0","info":{"title":"large","version":"1"},"paths":{"""
        + string.Join(",", Enumerable.Range(0, paths).Select(i => "\"/items" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":" + """{"get":{"responses":{},"x-amazon-apigateway-integration":{"type":"mock"}}}"""))
        + "}}";

    private static PetardClient Client(string url) => PetardClient.Create(new PetardClientOptions
    {
        EndpointUrl = url,
        Region = "us-east-1",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDLOCALTEST", "local-test-secret"),
    });
}
