using System.Runtime.CompilerServices;
using Petard.Local;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>
/// The README's CRUD example, line for line, run over real HTTP against a loopback endpoint named
/// by AWS_ENDPOINT_URL_API_GATEWAY, as a newcomer would run it against the local emulator.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public class ReadmeExampleTests
{
    [Fact]
    public async Task The_README_example_creates_lists_and_deletes_a_REST_API()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var scope = EnvironmentScope.CleanAws(("AWS_ENDPOINT_URL_API_GATEWAY", gateway.Url));
        using var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        string? created;
        try
        {
            // README:begin
            using var client = PetardClient.Create(); // endpoint, region and credentials: as the AWS CLI finds them
            var api = await client.CreateRestApiAsync(new { name = "petstore", description = "made by Petard" });
            await foreach (var each in client.ListRestApisAsync()) Console.WriteLine($"{each.Id} {each.GetString("name")}");
            await client.DeleteRestApiAsync(api.Id!);
            // README:end
            created = api.Id;
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal($"{created} petstore", output.ToString().Trim());
        Assert.Equal(["CreateRestApi", "GetRestApis", "DeleteRestApi"], gateway.Calls);
        Assert.Empty(gateway.Snapshot()["restApis"]!.AsObject());
    }

    [Fact]
    public async Task The_README_InvokeAsync_examples_send_what_they_say()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);
        var api = new { Id = "a1" };

        var deployment = await client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = "prod", variables = new Dictionary<string, string> { ["env"] = "prod" } });
        await client.InvokeAsync("UpdateStage", new { restApiId = api.Id, stageName = "prod", patchOperations = new[] { new { op = "replace", path = "/tracingEnabled", value = "true" } } });
        var yaml = await client.InvokeAsync("GetExport", new { restApiId = api.Id, stageName = "prod", exportType = "oas30", accepts = "application/yaml" });

        Assert.Equal(
            ["POST /restapis/a1/deployments {\"stageName\":\"prod\",\"variables\":{\"env\":\"prod\"}}", "PATCH /restapis/a1/stages/prod {\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/tracingEnabled\",\"value\":\"true\"}]}", "GET /restapis/a1/stages/prod/exports/oas30 "],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath} {r.BodyText}"));
        Assert.NotNull(deployment);
        Assert.NotNull(yaml.Body);
    }

    [Fact]
    public void The_README_shows_exactly_the_code_this_test_runs()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var marker = Array.FindIndex(readme, l => l.Contains("<!-- crud-example", StringComparison.Ordinal));
        Assert.True(marker >= 0, "README.md has lost its <!-- crud-example --> marker");
        var start = Array.FindIndex(readme, marker, l => l.StartsWith("```csharp", StringComparison.Ordinal));
        var block = readme.Skip(start + 1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.StartsWith("using Petard;", StringComparison.Ordinal))
            .ToList();

        var source = File.ReadAllLines(ThisFile());
        var begin = Array.FindIndex(source, l => l.Trim() == "// README:begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// README:end");
        Assert.Equal(source[(begin + 1)..end].Select(l => l.Trim()), block.Select(l => l.Trim()));
        Assert.Equal(5, block.Count + 1); // with "using Petard;": the five lines the README promises
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string RepositoryRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));
}
