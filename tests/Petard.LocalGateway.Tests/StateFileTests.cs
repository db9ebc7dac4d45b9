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
