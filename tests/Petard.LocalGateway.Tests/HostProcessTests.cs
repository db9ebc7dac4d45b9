using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Local.Tests.DataPlane;
using Xunit.Abstractions;

namespace Petard.Local.Tests;

/// <summary>The emulator as users run it: a process that prints its URL and stops on Ctrl+C (SIGINT).</summary>
public sealed class HostProcessTests(ITestOutputHelper output)
{
    /// <summary>Also: its output holds a line per request (operation, status, time) and the cause of every 5xx.</summary>
    [Fact]
    public async Task The_host_prints_its_url_serves_requests_and_stops_cleanly_on_SIGINT()
    {
        var clock = Stopwatch.StartNew();
        using var process = StartHost();
        try
        {
            var url = await ReadUrlAsync(process);
            output.WriteLine($"startup to first line: {clock.ElapsedMilliseconds} ms"); // measured, not asserted

            using (var client = CreateClient(url))
            {
                Assert.Equal("from-process", (await client.InvokeAsync("CreateRestApi", new { name = "from-process" })).GetString("name"));
                using (var http = new HttpClient())
                using (var rule = new StringContent("""{"operation":"GetRestApis","kind":"ServiceUnavailable","count":1}"""))
                {
                    (await http.PostAsync(new Uri(url + "_petard/faults"), rule)).EnsureSuccessStatusCode();
                }

                await client.InvokeAsync("GetRestApis"); // the client retries the injected 503
            }

            var rest = await StopAsync(process);
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
            KillIfRunning(process);
        }
    }

    [Fact]
    public async Task The_host_started_with_lambda_serves_an_AWS_PROXY_route_from_a_local_function()
    {
        var events = new List<JsonObject>();
        await using var function = await TestServer.StartAsync(async context =>
        {
            // The Runtime Interface Emulator's invoke endpoint, as a container-image function serves it locally.
            if (context.Request.Method != "POST" || context.Request.Path != "/2015-03-31/functions/function/invocations")
            {
                context.Response.StatusCode = 404;
                return;
            }

            var @event = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            lock (events)
            {
                events.Add(@event);
            }

            var answer = new JsonObject
            {
                ["statusCode"] = 201,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                ["body"] = new JsonObject { ["order"] = @event["pathParameters"]?["id"]?.GetValue<string>(), ["via"] = "local function" }.ToJsonString(),
            };
            await context.Response.WriteAsync(answer.ToJsonString());
        });
        using var process = StartHost("--lambda", $"orders={function.Url}");
        try
        {
            var url = await ReadUrlAsync(process);
            string apiId;
            using (var client = CreateClient(url))
            {
                apiId = (await client.InvokeAsync("ImportRestApi", new { body = OrdersApi })).Id!;
                await client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
            }

            using var http = new HttpClient();
            using var response = await http.PostAsync(new Uri($"{url}restapis/{apiId}/dev/_user_request_/orders/42"), new StringContent("""{"item":"tea"}"""));

            Assert.Equal(201, (int)response.StatusCode);
            Assert.Equal("""{"order":"42","via":"local function"}""", await response.Content.ReadAsStringAsync());
            var sent = Assert.Single(events);
            Assert.Equal("/orders/{id}", sent["resource"]!.GetValue<string>());
            Assert.Equal("""{"item":"tea"}""", sent["body"]!.GetValue<string>());

            var rest = await StopAsync(process);
            Assert.Contains("\"POST /orders/{id} HTTP/1.1\" 201", rest, StringComparison.Ordinal); // the access log line
        }
        finally
        {
            KillIfRunning(process);
        }
    }

    private const string OrdersApi = """
        openapi: 3.0.1
        info: {title: Orders, version: "1"}
        paths:
          /orders/{id}:
            post:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
        """;

    private static Process StartHost(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Petard.LocalGateway.dll"));
        foreach (var argument in new[] { "--port", "0" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadUrlAsync(Process process)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
        var url = System.Text.RegularExpressions.Regex.Match(line, @"http://127\.0\.0\.1:\d+/").Value;
        Assert.False(string.IsNullOrEmpty(url), $"no URL in the first line: '{line}'");
        return url;
    }

    private static PetardClient CreateClient(string url) =>
        PetardClient.Create(new PetardClientOptions { EndpointUrl = url, Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDLOCALTEST", "x") });

    /// <summary>Sends SIGINT, waits for a clean exit and returns what the host wrote after its first line.</summary>
    private static async Task<string> StopAsync(Process process)
    {
        using (var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        return await process.StandardOutput.ReadToEndAsync();
    }

    private static void KillIfRunning(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }
}
