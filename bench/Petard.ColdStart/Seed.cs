using System.Text.Json.Nodes;
using Petard;

/// <summary>Seeds the emulator once per run: an API with N resources, a deployment and the stage "cold".</summary>
internal static class Seed
{
    public static async Task<int> RunAsync(string endpoint, int resources)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = endpoint, Region = "us-east-1" });
        var api = await client.InvokeAsync("CreateRestApi", new JsonObject { ["name"] = "cold-bench" });
        var apiId = api.Json.GetProperty("id").GetString()!;
        var root = (await client.InvokeAsync("GetResources", new JsonObject { ["restApiId"] = apiId })).Items.First().Json.GetProperty("id").GetString()!;
        await client.InvokeAsync("PutMethod", new JsonObject { ["restApiId"] = apiId, ["resourceId"] = root, ["httpMethod"] = "GET", ["authorizationType"] = "NONE" });
        await client.InvokeAsync("PutIntegration", new JsonObject { ["restApiId"] = apiId, ["resourceId"] = root, ["httpMethod"] = "GET", ["type"] = "MOCK" });
        await client.InvokeAsync("CreateDeployment", new JsonObject { ["restApiId"] = apiId, ["stageName"] = "cold" });
        // The emulator, like the service, caps resources per API: stop there.
        for (var i = 1; i < resources; i++)
        {
            await client.InvokeAsync("CreateResource", new JsonObject { ["restApiId"] = apiId, ["parentId"] = root, ["pathPart"] = $"r{i}" });
        }

        Console.WriteLine(apiId);
        return 0;
    }
}
