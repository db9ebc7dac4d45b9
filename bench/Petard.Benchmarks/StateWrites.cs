using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Petard.Local;

namespace Petard.Benchmarks;

/// <summary>
/// Throughput of small writes (one <c>UpdateRestApi</c> patch each) against an emulator with a state
/// file, first with an almost empty state, then with the state grown to a target size by importing
/// APIs of many paths: a write that costs what it changes keeps its rate as the state grows.
/// </summary>
internal static class StateWrites
{
    public static async Task<int> RunAsync(double targetMegabytes, int writes, int clients)
    {
        var folder = Directory.CreateTempSubdirectory("petard-state-bench-").FullName;
        try
        {
            var stateFile = Path.Combine(folder, "state.json");
            await using var gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { StateFile = stateFile });
            using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url, Credentials = new BasicAWSCredentials("AKIDBENCH", "bench") });
            var target = (await client.InvokeAsync("CreateRestApi", new { name = "target" })).Id!;

            Console.WriteLine("| State size | Writes | Clients | Writes/s | ms per write |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
            await MeasureAsync(client, target, StateBytes(folder), writes, clients);
            var definition = Definition(paths: 200);
            while (StateBytes(folder) < targetMegabytes * 1024 * 1024)
            {
                await client.InvokeAsync("ImportRestApi", new { body = definition });
            }

            await MeasureAsync(client, target, StateBytes(folder), writes, clients);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the emulator keeps on disk: the state file and whatever goes with it (a journal).</summary>
    private static long StateBytes(string folder) => Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);

    private static async Task MeasureAsync(PetardClient client, string restApiId, long stateBytes, int writes, int clients)
    {
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= writes)
            {
                await client.InvokeAsync("UpdateRestApi", new { restApiId, patchOperations = new[] { new { op = "replace", path = "/description", value = $"write {next}" } } });
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stateBytes / 1024.0 / 1024.0:0.00} MB | {writes} | {clients} | {writes / seconds:0} | {seconds * 1000 / writes:0.00} |"));
    }

    private static string Definition(int paths)
    {
        var text = new StringBuilder("""{"openapi":"3.0.1","info":{"title":"filler","version":"1"},"paths":{""");
        for (var i = 0; i < paths; i++)
        {
            const string Item = "'/items#/{id}':{'get':{'parameters':[{'name':'id','in':'path','required':true,'schema':{'type':'string'}}],'responses':{'200':{'description':'ok'}},'x-amazon-apigateway-integration':{'type':'mock','requestTemplates':{'application/json':'{}'},'responses':{'default':{'statusCode':'200'}}}}}";
            text.Append(i == 0 ? "" : ",").Append(Item.Replace('\'', '"').Replace("#", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return text.Append("}}").ToString();
    }
}
