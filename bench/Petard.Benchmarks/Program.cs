using BenchmarkDotNet.Running;
using Petard.Benchmarks;

// "compare --endpoint URL [--calls N] [--warmup N] [--resources N]": our half of bench/compare.sh.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args.Length > 0 && args[0] == "compare")
{
    string Arg(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    return await SideBySide.RunAsync(
        Arg("--endpoint", "http://127.0.0.1:4567"),
        int.Parse(Arg("--calls", "200"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--warmup", "20000"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--resources", "1000"), System.Globalization.CultureInfo.InvariantCulture),
        Array.IndexOf(args, "--static") >= 0 ? Arg("--static", string.Empty) : null);
}

// "calls --endpoint URL [--calls N]": per-call time of GetRestApi against any server (e.g. serve-static).
if (args.Length > 0 && args[0] == "calls")
{
    var i = Array.IndexOf(args, "--calls");
    var count = i >= 0 ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    if (Array.IndexOf(args, "--in-process") >= 0)
    {
        await using var local = StaticResponder.Start();
        return await SideBySide.CallsOnlyAsync(local.Url, count);
    }

    return await SideBySide.CallsOnlyAsync(args[Array.IndexOf(args, "--endpoint") + 1], count);
}

// "serve-static": the static responder alone, for other clients to be measured against; runs until killed.
if (args.Length > 0 && args[0] == "serve-static")
{
    await using var responder = StaticResponder.Start();
    Console.WriteLine($"static responder listening on {responder.Url}");
    await Task.Delay(Timeout.Infinite);
    return 0;
}

// "state-writes [--state-mb 3] [--writes 2000] [--clients 4]": small writes against a state file, empty and grown.
if (args.Length > 0 && args[0] == "state-writes")
{
    string Arg(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    return await StateWrites.RunAsync(
        double.Parse(Arg("--state-mb", "3"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--writes", "2000"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--clients", "4"), System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(ClientOverheadBenchmarks).Assembly).Run(args);
return 0;
