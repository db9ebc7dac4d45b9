// The repository's own build. Run it with: dotnet tool restore && dotnet cake --target=<Target>
//
//   Build   compiles the solution
//   Test    runs the README's test command: dotnet test Petard.Build.sln
//   Pack    packs every package (Petard.Core, Petard.Build, Cake.Petard, Petard.LocalGateway, Petard.LocalGateway.Tool) into artifacts/packages
//   Demo    starts the local emulator, deploys samples/HelloApi with MSBuild (dotnet build -t:DeployApi)
//           and again with the Cake aliases (samples/cake/build.cake), prints the stage and invoke URL,
//           calls the invoke URL, and stops the emulator (with --keep-running=true it stays up until
//           Ctrl+C, so the URL can be tried). Needs nothing but the .NET SDK: no AWS account, no network.
//           Then the code-first sample: deploys samples/OrdersApi (the ASP.NET Core app's own generated
//           OpenAPI document, http_proxy to the app), starts the app, and calls a route through the
//           gateway's invoke URL, printing the app's answer.

using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var packages = MakeAbsolute(Directory("artifacts/packages"));
var keepRunning = Argument("keep-running", false);

Task("Build")
    .Does(() => DotNetBuild("Petard.Build.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .Does(() => DotNetTest("Petard.Build.sln"));

Task("Pack")
    .Does(() =>
{
    foreach (var project in new[] { "src/Petard.Core", "src/Petard.Build", "src/Cake.Petard", "src/Petard.LocalGateway", "src/Petard.LocalGateway.Tool" })
    {
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
    }
});

Task("Demo")
    .IsDependentOn("Pack")
    .Does(() =>
{
    DotNetBuild("src/Petard.LocalGateway", new DotNetBuildSettings { Configuration = configuration });
    using var emulator = StartEmulator(File($"src/Petard.LocalGateway/bin/{configuration}/net10.0/Petard.LocalGateway.dll"), out var endpoint);
    try
    {
        Information("Local API Gateway emulator: {0}", endpoint);

        // NuGet never re-extracts a version it has cached: a private, emptied packages folder makes the
        // sample use the Petard.Build just packed, not one left in the user's cache by an earlier run.
        Information("Deploying samples/HelloApi with MSBuild: dotnet build -t:DeployApi");
        var samplePackages = MakeAbsolute(Directory("artifacts/demo-packages"));
        EnsureDirectoryDoesNotExist(samplePackages, new EnsureDirectoryDoesNotExistSettings { Recursive = true, Force = true });
        DotNetBuild("samples/HelloApi", new DotNetBuildSettings
        {
            Configuration = configuration,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithTarget("DeployApi")
                .WithProperty("PetardEndpointUrl", endpoint)
                .WithProperty("RestorePackagesPath", samplePackages.FullPath),
        });

        // The addin is loaded when a script is compiled, before any task runs, so this script cannot load
        // the Cake.Petard it has just packed: the sample script runs in its own Cake, from the fresh package.
        Information("Deploying samples/HelloApi again with the Cake aliases: samples/cake/build.cake");
        var addins = MakeAbsolute(Directory("artifacts/cake-addins"));
        EnsureDirectoryDoesNotExist(addins, new EnsureDirectoryDoesNotExistSettings { Recursive = true, Force = true });
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append("cake").AppendQuoted(MakeAbsolute(File("samples/cake/build.cake")).FullPath)
                .Append("--nuget_source=" + packages.FullPath)
                .Append("--paths_addins=" + addins.FullPath),
            EnvironmentVariables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = endpoint },
        });
        if (exitCode != 0)
        {
            throw new CakeException($"samples/cake/build.cake failed with exit code {exitCode}.");
        }

        DeployAndCallOrdersApi(endpoint, samplePackages);

        if (keepRunning)
        {
            // Ctrl+C reaches the emulator too, which stops cleanly; this script then ends normally instead of dying with it.
            Console.CancelKeyPress += (_, press) => press.Cancel = true;
            Information("The emulator keeps running at {0}: try the invoke URL above; Ctrl+C stops it.", endpoint);
            emulator.WaitForExit();
        }
    }
    finally
    {
        emulator.Kill(entireProcessTree: true);
        Information("Stopped the emulator.");
    }
});

RunTarget(target);

// Code-first: deploys samples/OrdersApi to the emulator with its backend on a free port, starts the app
// there, and calls GET /orders/1 through the gateway's invoke URL.
void DeployAndCallOrdersApi(string endpoint, DirectoryPath samplePackages)
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();

    Information("Deploying samples/OrdersApi (code-first: the app's own OpenAPI document) with dotnet build -t:DeployApi");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("build").AppendQuoted(MakeAbsolute(File("samples/OrdersApi/OrdersApi.csproj")).FullPath)
            .Append("-t:DeployApi").Append("-c").Append(configuration)
            .Append("-p:PetardEndpointUrl=" + endpoint)
            .Append($"-p:OrdersBackend=127.0.0.1:{port}")
            .Append("-p:RestorePackagesPath=" + samplePackages.FullPath),
        RedirectStandardOutput = true,
    }, out var output);
    var lines = output.ToList();
    lines.ForEach(line => Verbose(line));
    var invokeUrl = lines.Select(line => Regex.Match(line, @"OrdersApi -> stage 'dev' of REST API \w+: (\S+)")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
    if (exitCode != 0 || invokeUrl is null)
    {
        throw new CakeException($"Deploying samples/OrdersApi failed (exit code {exitCode}):\n{string.Join("\n", lines.TakeLast(30))}");
    }

    Information("OrdersApi deployed: {0}", invokeUrl);
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    foreach (var argument in new[] { MakeAbsolute(File($"samples/OrdersApi/bin/{configuration}/net10.0/OrdersApi.dll")).FullPath, "--urls", $"http://127.0.0.1:{port}" })
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["Logging__LogLevel__Default"] = "Warning"; // the demo prints the answer, not the app's request log
    var app = Process.Start(start) ?? throw new CakeException("Could not start samples/OrdersApi.");
    try
    {
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult().Dispose();
                break;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                System.Threading.Thread.Sleep(200);
            }
        }

        var answer = http.GetStringAsync(invokeUrl + "/orders/1").GetAwaiter().GetResult();
        Information("GET {0}/orders/1 -> {1}", invokeUrl, answer);
    }
    finally
    {
        app.Kill(entireProcessTree: true);
    }
}

// Starts Petard.LocalGateway on a free port of 127.0.0.1 and waits for the line that announces its URL.
Process StartEmulator(FilePath assembly, out string endpoint)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in new[] { MakeAbsolute(assembly).FullPath, "--port", "0" })
    {
        start.ArgumentList.Add(argument);
    }

    var process = Process.Start(start) ?? throw new CakeException("Could not start the local emulator.");
    var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
    process.OutputDataReceived += (_, line) =>
    {
        if (line.Data is null)
        {
            announced.TrySetException(new CakeException("The local emulator exited before it announced its URL."));
            return;
        }

        var url = Regex.Match(line.Data, @"listening on (http://\S+)");
        if (url.Success)
        {
            announced.TrySetResult(url.Groups[1].Value);
        }
    };
    process.BeginOutputReadLine();
    if (!announced.Task.Wait(TimeSpan.FromSeconds(60)))
    {
        process.Kill(entireProcessTree: true);
        throw new CakeException("The local emulator did not announce its URL within 60 seconds.");
    }

    endpoint = announced.Task.Result;
    return process;
}
