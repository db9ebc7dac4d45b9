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
    public static async Task<int> RunAsync(string endpoint, int calls, int resources)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        var apiId = await SeedAsync(client, resources);

        for (var i = 0; i < 10; i++)
        {
            await client.GetRestApiAsync(apiId);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await client.GetRestApiAsync(apiId);
        }

        var perCallMs = watch.Elapsed.TotalMilliseconds / calls;

        var (listMs, listed, peakBytes) = await ListAsync(client, apiId, 500);
        var (_, _, peakSmallPages) = await ListAsync(client, apiId, 25);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            restApiId = apiId,
            calls,
            perCallMs = Math.Round(perCallMs, 3),
            listed,
            listMs = Math.Round(listMs, 1),
            listPeakHeapKiB = peakBytes / 1024,
            listPeakHeapKiBPages25 = peakSmallPages / 1024,
        }));
        return 0;
    }

    private static async Task<string> SeedAsync(PetardClient client, int resources)
    {
        var api = await client.CreateRestApiAsync(new { name = "bench-compare-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) });
        var apiId = api.Id!;
        string? rootId = null;
        await foreach (var resource in client.ListResourcesAsync(apiId))
        {
            rootId = resource.Id;
        }

        // Resources 1..N-1 under the root (the root itself is the first of the N).
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
            if (count % 25 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
            }

            _ = item.Id;
        }

        return (watch.Elapsed.TotalMilliseconds, count, peak);
    }
}
