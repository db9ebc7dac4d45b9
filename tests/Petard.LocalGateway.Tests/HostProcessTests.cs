using System.Diagnostics;
using Xunit.Abstractions;

namespace Petard.Local.Tests;

/// <summary>The emulator as users run it: a process that prints its URL and stops on Ctrl+C (SIGINT).</summary>
public sealed class HostProcessTests(ITestOutputHelper output)
{
    /// <summary>Also: its output holds a line per request (operation, status, time) and the cause of every 5xx.</summary>
    [Fact]
    public async Task The_host_prints_its_url_serves_requests_and_stops_cleanly_on_SIGINT()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Petard.LocalGateway.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
            output.WriteLine($"startup to first line: {clock.ElapsedMilliseconds} ms"); // measured, not asserted
            var url = System.Text.RegularExpressions.Regex.Match(line, @"http://127\.0\.0\.1:\d+/").Value;
            Assert.False(string.IsNullOrEmpty(url), $"no URL in the first line: '{line}'");

            using (var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = url, Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDLOCALTEST", "x") }))
            {
                Assert.Equal("from-process", (await client.InvokeAsync("CreateRestApi", new { name = "from-process" })).GetString("name"));
                using (var http = new HttpClient())
                using (var rule = new StringContent("""{"operation":"GetRestApis","kind":"ServiceUnavailable","count":1}"""))
                {
                    (await http.PostAsync(new Uri(url + "_petard/faults"), rule)).EnsureSuccessStatusCode();
                }

                await client.InvokeAsync("GetRestApis"); // the client retries the injected 503
            }

            using (var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            var rest = await process.StandardOutput.ReadToEndAsync();
            output.WriteLine(rest);
            Assert.Contains("stopping", rest, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^CreateRestApi 201 \d+ ms$", rest);
            Assert.Matches(@"(?m)^GetRestApis 503 caused by .*Service Unavailable \(injected by Petard\.LocalGateway\)", rest);
            Assert.Matches(@"(?m)^GetRestApis 503 \d+ ms$", rest);
            Assert.Matches(@"(?m)^GetRestApis 200 \d+ ms$", rest);
            Assert.Matches(@"(?m)^POST /_petard/faults 200 \d+ ms$", rest);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
