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
    public static async Task<int> RunAsync(string endpoint, int calls, int warmup, int resources, string? staticEndpoint)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        var api = await CreateApiAsync(client);
        var apiId = api.Id!;

        // Cold: the first calls of a fresh process, as a build step makes them (JIT included).
        var coldMs = await PerCallMsAsync(client, apiId, calls, warmup: 0);
        await AddResourcesAsync(client, api, resources);
        var perCallMs = await PerCallMsAsync(client, apiId, calls, warmup);
        double? perCallStaticMs = null;
        if (staticEndpoint is not null)
        {
            using var toStatic = PetardClient.Create(new PetardClientOptions { EndpointUrl = staticEndpoint, Region = "us-east-1" });
            perCallStaticMs = Math.Round(await PerCallMsAsync(toStatic, "a1b2c3d4e5", calls, warmup), 3);
        }

        // Memory must not grow with the total: a second API with a quarter of the resources (the
        // emulator, like the service, caps resources per API, so the comparison goes down). Its
        // listing also warms up the listing code before the timed run.
        var quarterId = await SeedAsync(client, resources / 4);
        var (listedQuarter, peakQuarter) = await MeasureListingAsync(client, quarterId);
        var (listMs, listed) = await TimeListingAsync(client, apiId);
        var (_, peakBytes) = await MeasureListingAsync(client, apiId);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            restApiId = apiId,
            calls,
            warmup,
            coldMs = Math.Round(coldMs, 3),
            perCallMs = Math.Round(perCallMs, 3),
            perCallStaticMs,
            listed,
            listMs = Math.Round(listMs, 1),
            listPeakLiveKiB = peakBytes / 1024,
            totalAllocatedMiB = GC.GetTotalAllocatedBytes() / (1024 * 1024),
            listedQuarter,
            listPeakLiveKiBQuarter = peakQuarter / 1024,
        }));
        return 0;
    }

    public static async Task<int> CallsOnlyAsync(string endpoint, int calls)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        // The floor, measured the same way: a raw HttpClient sending a pre-built request, unsigned, unparsed.
        using var plain = new HttpClient();
        using var signed = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            new Amazon.Runtime.BasicAWSCredentials("AKIDBENCHMARK", "bench-secret"), Amazon.RegionEndpoint.USEast1, "apigateway", new SocketsHttpHandler()));
        var uri = new Uri(new Uri(endpoint), "restapis/a1b2c3d4e5");
        var floor = await RawPerCallMsAsync(plain);
        var signedOnly = await RawPerCallMsAsync(signed);
        var petard = await PerCallMsAsync(client, "a1b2c3d4e5", calls, calls);
        Console.WriteLine(JsonSerializer.Serialize(new { calls, perCallMs = Math.Round(petard, 3), floorMs = Math.Round(floor, 3), signedOnlyMs = Math.Round(signedOnly, 3) }));
        return 0;

        async Task<double> RawPerCallMsAsync(HttpClient raw)
        {
            for (var i = 0; i < calls; i++)
            {
                await RawAsync(raw);
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await RawAsync(raw);
            }

            return watch.Elapsed.TotalMilliseconds / calls;
        }

        async Task RawAsync(HttpClient raw)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var response = await raw.SendAsync(request);
            _ = await response.Content.ReadAsByteArrayAsync();
        }
    }

    private static async Task<double> PerCallMsAsync(PetardClient client, string apiId, int calls, int warmup)
    {
        // The JIT needs some 10,000 calls to settle on its final code (tiered compilation with PGO).
        for (var i = 0; i < warmup; i++)
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
        var api = await CreateApiAsync(client);
        await AddResourcesAsync(client, api, resources);
        return api.Id!;
    }

    private static Task<Resource> CreateApiAsync(PetardClient client) =>
        client.CreateRestApiAsync(new { name = "bench-compare-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) });

    private static async Task AddResourcesAsync(PetardClient client, Resource api, int resources)
    {
        var apiId = api.Id!;
        var rootId = api.GetString("rootResourceId");

        // The root counts as the first resource.
        var names = Enumerable.Range(1, resources - 1).Select(i => "r" + i.ToString(CultureInfo.InvariantCulture));
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await client.CreateResourceAsync(apiId, rootId!, name, ct));
    }

    private static async Task<(double Ms, int Count)> TimeListingAsync(PetardClient client, string apiId)
    {
        var count = 0;
        var watch = Stopwatch.StartNew();
        await foreach (var item in client.PaginateAsync("GetResources", new { restApiId = apiId, limit = 500 }))
        {
            count += item.Id is null ? 0 : 1;
        }

        return (watch.Elapsed.TotalMilliseconds, count);
    }

    private static async Task<(int Count, long PeakLive)> MeasureListingAsync(PetardClient client, string apiId)
    {
        long peak = 0;
        var count = 0;
        await foreach (var item in client.PaginateAsync("GetResources", new { restApiId = apiId, limit = 500 }))
        {
            count += item.Id is null ? 0 : 1;
            if (count % 50 == 0)
            {
                // Live memory every 50 items (garbage collected first): what streaming keeps.
                peak = Math.Max(peak, GC.GetTotalMemory(true));
            }
        }

        return (count, peak);
    }
}
