using System.Text.Json.Nodes;
using Petard.Local.DataPlane;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Local.Validation;

namespace Petard.Local.Operations;

/// <summary>
/// Deployments: a snapshot of the API's resources at creation (kept for GetExport), optionally
/// creating or moving a stage onto it.
/// </summary>
internal static class DeploymentOperations
{
    private static readonly PatchRules Rules = PatchRules.For("deployment");

    public static void Register(OperationTable table)
    {
        table.Add("CreateDeployment", Create);
        table.Add("GetDeployment", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required("deploymentId")).DeepClone().AsObject());
        table.Add("GetDeployments", (input, state) =>
            Paging.Page(GatewayState.Collection(state.RestApi(input.Required("restApiId")), "deployments").Select(kv => kv.Value!), input));
        table.Add("DeleteDeployment", Delete);
        table.Add("UpdateDeployment", Update);
    }

    public static JsonObject Get(JsonObject restApi, string deploymentId) =>
        GatewayState.Collection(restApi, "deployments")[deploymentId] as JsonObject ?? throw GatewayException.NotFound("Invalid Deployment identifier specified");

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var stageName = input.String("stageName");
        if (stageName is not null)
        {
            RuleChecks.CheckStageName(stageName);
        }

        RuleChecks.CheckVariables(input.Map("variables"));
        var resources = ResourceTree.Resources(restApi);
        var methods = resources.Select(r => (JsonObject)r.Value!)
            .SelectMany(r => (r["resourceMethods"] as JsonObject ?? []).Select(m => (Path: r["path"]!.GetValue<string>(), HttpMethod: m.Key, Method: m.Value)))
            .ToList();
        if (methods.Count == 0)
        {
            throw GatewayException.BadRequest("The REST API doesn't contain any methods");
        }

        if (methods.FirstOrDefault(m => m.Method?["methodIntegration"] is null) is { Method: not null } bare)
        {
            throw GatewayException.BadRequest($"No integration defined for method (here {bare.HttpMethod} {bare.Path}): add one with PutIntegration or x-amazon-apigateway-integration.");
        }

        var deployments = GatewayState.Collection(restApi, "deployments");
        var id = IdGenerator.Unique(IdGenerator.ShortId, deployments.ContainsKey);
        var deployment = new JsonObject { ["id"] = id, ["createdDate"] = Clock.Now() };
        if (input.String("description") is { } description)
        {
            deployment["description"] = description;
        }

        deployments[id] = deployment;
        GatewayState.Collection(restApi, "deploymentSnapshots")[id] = resources.DeepClone();
        GatewayState.Collection(restApi, ApiSettings.SnapshotCollection)[id] = ApiSettings.Copy(restApi);

        if (input.Map("canarySettings") is { } canary)
        {
            DeployAsCanary(restApi, stageName, id, canary);
        }
        else if (stageName is not null)
        {
            StageOperations.Upsert(restApi, stageName, id, input);
        }

        return deployment.DeepClone().AsObject();
    }

    /// <summary>
    /// A deployment with canarySettings goes to the existing stage's canary: the stage keeps serving
    /// its deployment and sends <c>percentTraffic</c> of the requests to this one.
    /// </summary>
    private static void DeployAsCanary(JsonObject restApi, string? stageName, string deploymentId, JsonObject canary)
    {
        if (stageName is null)
        {
            throw GatewayException.BadRequest("A deployment with canarySettings needs a stageName: the canary belongs to an existing stage.");
        }

        var stage = StageOperations.Get(restApi, stageName);
        var settings = (JsonObject)canary.DeepClone();
        settings["deploymentId"] = deploymentId;
        settings["percentTraffic"] ??= 0.0;
        stage["canarySettings"] = settings;
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("deploymentId");
        Get(restApi, id);
        var user = GatewayState.Collection(restApi, "stages").FirstOrDefault(s => s.Value?["deploymentId"]?.GetValue<string>() == id);
        if (user.Value is not null)
        {
            throw GatewayException.BadRequest($"Active stages pointing to this deployment must be moved or deleted (stage '{user.Key}' uses it).");
        }

        GatewayState.Collection(restApi, "deployments").Remove(id);
        GatewayState.Collection(restApi, "deploymentSnapshots").Remove(id);
        GatewayState.Collection(restApi, ApiSettings.SnapshotCollection).Remove(id);
        return OperationResult.Empty;
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("deploymentId");
        var updated = Rules.Apply(Get(restApi, id), PatchOperation.Read(input));
        GatewayState.Collection(restApi, "deployments")[id] = updated;
        return updated.DeepClone().AsObject();
    }
}
