using System.Diagnostics;
using System.Globalization;
using Petard;
using Petard.Workflows;

/// <summary>
/// The deploy task's own work in a fresh process, without MSBuild: Create, then DeployApiAsync of an
/// OpenAPI file to the stage "cold" (unchanged after the first run: reads only). Also shows that the
/// deploy workflow runs under Native AOT (YAML included).
/// </summary>
internal static class DeployOnce
{
    public static async Task<int> RunAsync(string endpoint, string file, Stopwatch watch)
    {
        var start = watch.Elapsed.TotalMilliseconds;
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        var request = new DeployApiRequest();
        request.RestApi.Name = "cold-deploy-" + Path.GetExtension(file).TrimStart('.'); // one API per format, so each run after the first is unchanged
        request.Import.OpenApiFile = Path.GetFullPath(file);
        request.Stage.Name = "cold";
        var result = await new PetardDeployer(client).DeployApiAsync(request);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deploy={watch.Elapsed.TotalMilliseconds - start:0.###} changed={(result.Changed ? 1 : 0)} deployCpu={Environment.CpuUsage.TotalTime.TotalMilliseconds:0.###}"));
        return 0;
    }
}
