using BenchmarkDotNet.Running;
using Petard.Benchmarks;

// "compare --endpoint URL [--calls N] [--resources N]": our half of bench/compare.sh.
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
        int.Parse(Arg("--resources", "1000"), System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(ClientOverheadBenchmarks).Assembly).Run(args);
return 0;
