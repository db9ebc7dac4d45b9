using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>
/// Runs the real AWS CLI v2 (<c>/usr/bin/aws</c>) against an emulator, isolated from the user's AWS
/// configuration: dummy keys, empty config and credentials files, no pager, JSON output.
/// </summary>
internal sealed class AwsCli : IDisposable
{
    public const string Path = "/usr/bin/aws";

    private readonly string folder = Directory.CreateTempSubdirectory("petard-awscli-").FullName;
    private readonly string endpoint;
    private readonly (string Key, string Secret) credentials;

    public AwsCli(string endpoint, string accessKeyId, string secretAccessKey)
    {
        this.endpoint = endpoint;
        credentials = (accessKeyId, secretAccessKey);
        File.WriteAllText(System.IO.Path.Combine(folder, "config"), string.Empty);
        File.WriteAllText(System.IO.Path.Combine(folder, "credentials"), string.Empty);
    }

    public string Folder => folder;

    /// <summary>Skips the test on a developer machine without the CLI; fails it in CI, where .ci/run installs it.</summary>
    public static void RequireInstalled()
    {
        if (File.Exists(Path))
        {
            return;
        }

        const string hint = "The AWS CLI scenario needs the real AWS CLI at /usr/bin/aws (Debian/Ubuntu: 'sudo apt-get install awscli'; .ci/run installs it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(hint);
        }

        Skip.If(true, hint);
    }

    /// <summary>Runs <c>aws apigateway ...</c>; the parsed JSON output, or the failure.</summary>
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json", "apigateway" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.Key;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.Secret;
        start.Environment["AWS_CONFIG_FILE"] = System.IO.Path.Combine(folder, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = System.IO.Path.Combine(folder, "credentials");
        start.Environment["AWS_PAGER"] = string.Empty;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        return new CliResult(process.ExitCode, text.Trim().Length > 0 && process.ExitCode == 0 ? JsonNode.Parse(text) : null, await error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>One CLI run.</summary>
internal sealed record CliResult(int ExitCode, JsonNode? Json, string Error)
{
    public JsonNode Ok()
    {
        Assert.True(ExitCode == 0, $"aws exited with {ExitCode}: {Error}");
        return Json ?? new JsonObject();
    }
}
