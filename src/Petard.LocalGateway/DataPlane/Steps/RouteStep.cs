using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// Finds the stage, the deployment it serves and, in that deployment's snapshot, the resource and
/// method the request addresses. Reads the state under its gate and keeps copies, so a change made
/// meanwhile (or later, without a new deployment) does not reach this request.
/// </summary>
internal sealed class RouteStep(GatewayState state, CanaryDraw canary) : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.Request;
        JsonObject resources;
        lock (state.Gate)
        {
            var restApi = state.RestApis[request.RestApiId] as JsonObject
                ?? throw GatewayResponseException.Forbidden($"No REST API with id '{request.RestApiId}'.");
            var stage = GatewayState.Collection(restApi, "stages")[request.Stage] as JsonObject
                ?? throw GatewayResponseException.Forbidden($"REST API '{request.RestApiId}' has no stage '{request.Stage}'.");
            invocation.Stage = (JsonObject)stage.DeepClone();
            invocation.BinaryMediaTypes = (restApi["api"]?["binaryMediaTypes"] as JsonArray ?? []).Select(t => t?.ToString() ?? string.Empty).ToList();
            invocation.ApiKeySource = restApi["api"]?["apiKeySource"]?.ToString() ?? "HEADER";
            invocation.DeploymentId = stage["deploymentId"]?.GetValue<string>() ?? string.Empty;
            if (stage["canarySettings"] is JsonObject settings && settings["deploymentId"]?.ToString() is { } canaryDeployment
                && canary.Next(double.TryParse(settings["percentTraffic"]?.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent) ? percent : 0))
            {
                invocation.DeploymentId = canaryDeployment;
                invocation.IsCanaryRequest = true;
            }

            resources = GatewayState.Collection(restApi, "deploymentSnapshots")[invocation.DeploymentId]?.DeepClone() as JsonObject
                ?? throw GatewayResponseException.Forbidden($"Stage '{request.Stage}' points at deployment '{invocation.DeploymentId}', which has no snapshot.");

            // A state file written before deployments kept their settings has none: the API's current ones serve.
            invocation.Api = GatewayState.Collection(restApi, ApiSettings.SnapshotCollection)[invocation.DeploymentId]?.DeepClone() as JsonObject ?? ApiSettings.Copy(restApi);
        }

        var variables = (invocation.Stage["variables"] as JsonObject ?? [])
            .ToDictionary(v => v.Key, v => v.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
        if (invocation.IsCanaryRequest)
        {
            foreach (var (name, value) in invocation.Stage["canarySettings"]?["stageVariableOverrides"] as JsonObject ?? [])
            {
                variables[name] = value?.ToString() ?? string.Empty;
            }
        }

        invocation.StageVariables = variables;
        var match = ResourceMatcher.Find(resources, request.PathSegments, request.HttpMethod)
            ?? throw GatewayResponseException.MissingAuthenticationToken();
        invocation.Resource = match.Resource;
        invocation.Method = match.Method;
        invocation.PathParameters = match.PathParameters;
        return Task.CompletedTask;
    }
}
