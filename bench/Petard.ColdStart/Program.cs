using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Petard;

// One measurement per process; the script (bench/cold.sh) starts a fresh process for each.
//   seed URL N                  create an API with N resources, a deployment and stage "cold"; prints the API id
//   three URL API               GetRestApi, GetStage, GetDeployments: start to three answered calls
//   first URL API               spans: runtime start to Main, Create, first call, second call
//   spans URL API               the first call's parts, each first in this process (see Spans.cs)
//   steady URL API [N] [WARM]   N GetRestApi after WARM warm-up calls (ms per call)
//   list URL API [PAGE]         every resource, pages of PAGE
//   deploy URL FILE             PetardDeployer.DeployApiAsync of an OpenAPI file to stage "cold" (the deploy task's work, without MSBuild)
// Prints one line: name=value pairs in milliseconds.
var watch = Stopwatch.StartNew();
var mode = args[0];
var endpoint = args[1];
if (mode == "seed")
{
    return await Seed.RunAsync(endpoint, int.Parse(args[2], CultureInfo.InvariantCulture));
}

if (mode == "deploy")
{
    return await DeployOnce.RunAsync(endpoint, args[2], watch);
}

var api = args[2];
var options = new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" };
switch (mode)
{
    case "three":
    {
        using var client = PetardClient.Create(options);
        await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        await client.InvokeAsync("GetStage", new JsonObject { ["restApiId"] = api, ["stageName"] = "cold" });
        await client.InvokeAsync("GetDeployments", new JsonObject { ["restApiId"] = api });
        Print(("mainToThreeCalls", watch.Elapsed.TotalMilliseconds));
        return 0;
    }

    case "first":
    {
        var startToMain = StartToMainMs();
        var (t0, c0) = (watch.Elapsed.TotalMilliseconds, CpuMs());
        using var client = PetardClient.Create(options);
        var (t1, c1) = (watch.Elapsed.TotalMilliseconds, CpuMs());
        await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        var (t2, c2) = (watch.Elapsed.TotalMilliseconds, CpuMs());
        await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        var t3 = watch.Elapsed.TotalMilliseconds;
        Print(("startToMain", startToMain), ("create", t1 - t0), ("firstCall", t2 - t1), ("secondCall", t3 - t2), ("createCpu", c1 - c0), ("firstCallCpu", c2 - c1));
        return 0;
    }

    case "spans":
        return await Spans.RunAsync(endpoint, api, StartToMainMs());

    case "steady":
    {
        var calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        var warm = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20;
        using var client = PetardClient.Create(options);
        for (var i = 0; i < warm; i++)
        {
            await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        }

        var (t0, c0) = (watch.Elapsed.TotalMilliseconds, CpuMs());
        for (var i = 0; i < calls; i++)
        {
            await client.InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = api });
        }

        Print(("total", watch.Elapsed.TotalMilliseconds - t0), ("perCall", (watch.Elapsed.TotalMilliseconds - t0) / calls), ("totalCpu", CpuMs() - c0));
        return 0;
    }

    case "list":
    {
        var page = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
        using var client = PetardClient.Create(options);
        var (t0, c0) = (watch.Elapsed.TotalMilliseconds, CpuMs());
        var count = 0;
        await foreach (var _ in client.PaginateAsync("GetResources", new JsonObject { ["restApiId"] = api, ["limit"] = page }))
        {
            count++;
        }

        Print(("list", watch.Elapsed.TotalMilliseconds - t0), ("items", count), ("listCpu", CpuMs() - c0));
        return 0;
    }

    default:
        Console.Error.WriteLine($"unknown mode {mode}");
        return 2;
}

// Process CPU time (all threads): on a loaded machine wall time waits for a core, CPU time does not.
static double CpuMs() => Environment.CpuUsage.TotalTime.TotalMilliseconds;

// The runtime's own start (host, runtime init, loading this assembly) before Main ran.
static double StartToMainMs() =>
    (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

static void Print(params (string Name, double Value)[] values) =>
    Console.WriteLine(string.Join(' ', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Name}={v.Value:0.###}"))));
