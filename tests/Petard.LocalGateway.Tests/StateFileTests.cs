using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

public sealed class StateFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("petard-state-").FullName;

    private string StatePath => Path.Combine(folder, "state.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task State_survives_a_restart_through_the_state_file()
    {
        string apiId;
        await using (var first = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            using var client = Client(first);
            apiId = (await client.InvokeAsync("ImportRestApi", new { body = """{"swagger":"2.0","info":{"title":"Kept","version":"1"},"paths":{"/a":{"get":{"responses":{},"x-amazon-apigateway-integration":{"type":"mock"}}}}}""" })).Id!;
            await client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev", variables = new Dictionary<string, string> { ["v"] = "1" } });
        }

        Assert.True(File.Exists(StatePath));
        Assert.Equal(["state.json"], Directory.GetFiles(folder).Select(Path.GetFileName)); // no temporary file left behind

        await using var second = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath });
        using var again = Client(second);
        Assert.Equal("Kept", (await again.InvokeAsync("GetRestApi", new { restApiId = apiId })).GetString("name"));
        var stage = await again.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" });
        Assert.Equal("1", stage["variables"].GetProperty("v").GetString());
    }

    [Fact]
    public async Task Deleting_the_state_empties_it_and_the_state_file()
    {
        await using (var first = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            using var client = Client(first);
            await client.InvokeAsync("CreateRestApi", new { name = "Gone" });
            await client.InvokeAsync("CreateApiKey", new { name = "gone-key" });
            await client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op = "replace", path = "/cloudwatchRoleArn", value = "arn:aws:iam::123456789012:role/logs" } } });
            using var http = new HttpClient { BaseAddress = new Uri(first.Url) };

            using var reset = await http.DeleteAsync("_petard/state");

            Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
            Assert.Empty(JsonNode.Parse(await reset.Content.ReadAsStringAsync())!["restApis"]!.AsObject());
            Assert.Empty((await client.InvokeAsync("GetRestApis")).Items);
            Assert.Empty((await client.InvokeAsync("GetApiKeys")).Items);
            Assert.False((await client.InvokeAsync("GetAccount")).Has("cloudwatchRoleArn"));
            Assert.NotNull((await client.InvokeAsync("CreateRestApi", new { name = "After" })).Id);
        }

        await using var second = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath });
        using var again = Client(second);
        Assert.Equal(["After"], (await again.InvokeAsync("GetRestApis")).Items.Select(a => a.GetString("name")));
        Assert.Empty((await again.InvokeAsync("GetApiKeys")).Items);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"format\": 99, \"state\": {}}")]
    public async Task A_corrupt_state_file_is_a_clear_startup_error_and_is_left_untouched(string content)
    {
        await File.WriteAllTextAsync(StatePath, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }));
        Assert.Contains(StatePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(StatePath));
    }

    [Theory]
    [InlineData("""{"format": 1, "state": {"restApis": []}}""", "state.restApis")]
    [InlineData("""{"format": 1, "state": {"apiKeys": "none"}}""", "state.apiKeys")]
    [InlineData("""{"format": 1, "state": {"restApis": {"abc123": [1, 2]}}}""", "state.restApis.abc123")]
    public async Task A_state_file_of_the_wrong_shape_is_refused_at_start_and_never_overwritten(string content, string where)
    {
        await File.WriteAllTextAsync(StatePath, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }));

        Assert.Contains(StatePath, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task Temporary_files_left_by_a_killed_emulator_are_removed_at_start()
    {
        // Process ids are at most 2^22 on Linux: this one belongs to no running process.
        var stale = Path.Combine(folder, ".state.json.2147483000.tmp");
        await File.WriteAllTextAsync(stale, "{ half a wri");
        var unrelated = Path.Combine(folder, "notes.tmp");
        await File.WriteAllTextAsync(unrelated, "mine");

        await using (var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = StatePath }))
        {
            Assert.False(File.Exists(stale));
        }

        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public async Task The_host_reports_a_corrupt_state_file_and_exits_with_1()
    {
        await File.WriteAllTextAsync(StatePath, "garbage");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await GatewayHost.RunAsync(["--port", "0", "--state-file", StatePath], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("cannot be read", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("garbage", await File.ReadAllTextAsync(StatePath));
    }

    private static PetardClient Client(LocalGateway gateway) => PetardClient.Create(new PetardClientOptions
    {
        EndpointUrl = gateway.Url,
        Region = "us-east-1",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDLOCALTEST", "local-test-secret"),
    });
}
