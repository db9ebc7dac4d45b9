using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Petard.Benchmarks;

/// <summary>
/// Our client's half of bench/compare.sh: seeds the emulator, then times, in this one process,
/// N GetRestApi calls and one paginated listing of every resource, printing one JSON line that the
/// script sets beside boto3's and the AWS CLI's numbers.
/// </summary>
internal static class SideBySide
{
    public static async Task<int> RunAsync(string endpoint, int calls, int resources, string? staticEndpoint)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        var apiId = await SeedAsync(client, resources);

        var perCallMs = await PerCallMsAsync(client, apiId, calls);
        double? perCallStaticMs = null;
        if (staticEndpoint is not null)
        {
            using var toStatic = PetardClient.Create(new PetardClientOptions { EndpointUrl = staticEndpoint, Region = "us-east-1" });
            perCallStaticMs = Math.Round(await PerCallMsAsync(toStatic, "a1b2c3d4e5", calls), 3);
        }

        var (listMs, listed, peakBytes) = await ListAsync(client, apiId, 500);

        // Memory must not grow with the total: list a second API with three times the resources.
        var tripleId = await SeedAsync(client, 3 * resources);
        var (_, listedTriple, peakTriple) = await ListAsync(client, tripleId, 500);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            restApiId = apiId,
            calls,
            perCallMs = Math.Round(perCallMs, 3),
            perCallStaticMs,
            listed,
            listMs = Math.Round(listMs, 1),
            listPeakLiveKiB = peakBytes / 1024,
            listedTriple,
            listPeakLiveKiBTriple = peakTriple / 1024,
        }));
        return 0;
    }

    private static async Task<double> PerCallMsAsync(PetardClient client, string apiId, int calls)
    {
        for (var i = 0; i < 10; i++)
        {
            await client.GetRestApiAsync(apiId);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await client.GetRestApiAsync(apiId);
        }

        return watch.Elapsed.TotalMilliseconds / calls;
    }

    private static async Task<string> SeedAsync(PetardClient client, int resources)
    {
        var api = await client.CreateRestApiAsync(new { name = "bench-compare-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) });
        var apiId = api.Id!;
        var rootId = api.GetString("rootResourceId");

        // The root counts as the first resource.
        var names = Enumerable.Range(1, resources - 1).Select(i => "r" + i.ToString(CultureInfo.InvariantCulture));
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await client.CreateResourceAsync(apiId, rootId!, name, ct));
        return apiId;
    }

    private static async Task<(double Ms, int Count, long PeakHeap)> ListAsync(PetardClient client, string apiId, int pageSize)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = 0;
        var count = 0;
        var watch = Stopwatch.StartNew();
        await foreach (var item in client.PaginateAsync("GetResources", new { restApiId = apiId, limit = pageSize }))
        {
            count++;
            if (count % pageSize == 0)
            {
                // Live memory at each page boundary: what streaming keeps, garbage excluded.
                peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
            }

            _ = item.Id;
        }

        return (watch.Elapsed.TotalMilliseconds, count, peak);
    }
}
