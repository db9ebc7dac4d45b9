using System.Diagnostics;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using System.Text.Json.Nodes;
using Petard;

/// <summary>
/// Where the first call's milliseconds go: each part the first call does, done first here on its own
/// (in the order the call does it), then Create and the first call, which pay only what is left.
/// </summary>
internal static class Spans
{
    public static async Task<int> RunAsync(string endpoint, string api, double startToMain)
    {
        var watch = Stopwatch.StartNew();
        // CPU time beside wall time: on a loaded machine the wall time waits for a core, the CPU time does not.
        var spans = new List<(string, double)> { ("startToMain", startToMain), ("cpuBeforeMain", Environment.CpuUsage.TotalTime.TotalMilliseconds) };
        var cpu = Environment.CpuUsage.TotalTime;
        void Mark(string name)
        {
            var now = Environment.CpuUsage.TotalTime;
            spans.Add((name, watch.Elapsed.TotalMilliseconds));
            spans.Add((name + "Cpu", (now - cpu).TotalMilliseconds));
            cpu = now;
            watch.Restart();
        }

        _ = PetardClient.Operations.Count;
        Mark("operationModel");
        var credentials = new BasicAWSCredentials("AKIDCOLD", "cold-secret");
        var region = RegionEndpoint.GetBySystemName("us-east-1");
        Mark("regionEndpoint");
        var uri = new Uri(new Uri(endpoint), $"restapis/{api}");
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = uri, Content = [] };
        signing.Headers["Accept"] = "application/json";
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters { Credentials = credentials, Region = region, Service = "apigateway" }, CancellationToken.None);
        Mark("sigV4Sign");
        using (var http = new HttpClient(new SocketsHttpHandler()))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var header in signed.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            Mark("httpFirstRequest");
            using var json = JsonDocument.Parse(body);
            _ = json.RootElement.GetProperty("id").GetString();
            Mark("jsonParse");
        }

        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1", Credentials = credentials });
        Mark("createRest");
        await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        Mark("firstCallRest");
        await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        Mark("secondCall");
        Console.WriteLine(string.Join(' ', spans.Select(s => FormattableString.Invariant($"{s.Item1}={s.Item2:0.###}"))));
        return 0;
    }
}
