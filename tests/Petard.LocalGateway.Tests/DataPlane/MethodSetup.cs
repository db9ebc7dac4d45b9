namespace Petard.Local.Tests.DataPlane;

/// <summary>Control-plane helpers for data-plane tests: patch a deployed method, then redeploy the stage.</summary>
internal static class MethodSetup
{
    /// <summary>Applies <paramref name="operations"/> to the method at <paramref name="path"/> and deploys the API to stage <c>dev</c> again.</summary>
    public static async Task PatchAndRedeployAsync(PetardClient client, string apiId, string path, string httpMethod, params (string Op, string Path, string? Value)[] operations)
    {
        var resources = await client.InvokeAsync("GetResources", new { restApiId = apiId });
        var resourceId = resources.Items.Single(r => r.GetString("path") == path).Id;
        await client.InvokeAsync("UpdateMethod", new
        {
            restApiId = apiId,
            resourceId,
            httpMethod,
            patchOperations = operations.Select(o => new { op = o.Op, path = o.Path, value = o.Value }).ToArray(),
        });
        await client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
    }
}
