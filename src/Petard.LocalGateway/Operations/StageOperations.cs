using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>Stage CRUD with the service's validation and patch paths.</summary>
internal static class StageOperations
{
    public static void Register(OperationTable table)
    {
        table.Add("CreateStage", Create);
        table.Add("GetStage", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required("stageName")).DeepClone().AsObject());
        table.Add("GetStages", (input, state) =>
        {
            var stages = GatewayState.Collection(state.RestApi(input.Required("restApiId")), "stages").Select(kv => kv.Value!);
            var deploymentId = input.String("deploymentId");
            return Paging.All(deploymentId is null ? stages : stages.Where(s => s["deploymentId"]?.GetValue<string>() == deploymentId));
        });
        table.Add("UpdateStage", Update);
        table.Add("DeleteStage", (input, state) =>
            Stored.Remove(GatewayState.Collection(state.RestApi(input.Required("restApiId")), "stages"), input.Required("stageName"), "Invalid stage identifier specified"));
    }

    public static JsonObject Get(JsonObject restApi, string stageName) =>
        GatewayState.Collection(restApi, "stages")[stageName] as JsonObject ?? throw GatewayException.NotFound("Invalid stage identifier specified");

    /// <summary>CreateDeployment's stageName: creates the stage, or moves an existing one onto the deployment.</summary>
    public static void Upsert(JsonObject restApi, string stageName, string deploymentId, OperationInput input)
    {
        var stages = GatewayState.Collection(restApi, "stages");
        if (stages[stageName] is JsonObject stage)
        {
            stage["deploymentId"] = deploymentId;
            stage["lastUpdatedDate"] = Clock.Now();
            if (input.Map("variables") is { Count: > 0 } variables)
            {
                var merged = GatewayState.Collection(stage, "variables");
                foreach (var (name, value) in variables)
                {
                    merged[name] = value?.DeepClone();
                }
            }
        }
        else
        {
            stage = NewStage(stageName, deploymentId, input.String("stageDescription"), input.Map("variables"));
            stages[stageName] = stage;
        }

        ApplyCacheAndTracing(stage, input);
    }

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var stageName = input.Required("stageName");
        RuleChecks.CheckStageName(stageName);
        RuleChecks.CheckVariables(input.Map("variables"));
        var deploymentId = input.Required("deploymentId");
        if (GatewayState.Collection(restApi, "deployments")[deploymentId] is null)
        {
            throw ServiceErrors.BadRequest("invalidStageDeployment", ("value", deploymentId ?? string.Empty));
        }

        var stages = GatewayState.Collection(restApi, "stages");
        if (stages.ContainsKey(stageName))
        {
            throw GatewayException.Conflict("Stage already exists");
        }

        var stage = NewStage(stageName, deploymentId, input.String("description"), input.Map("variables"));
        ApplyCacheAndTracing(stage, input);
        Tags.CopyOnCreate(input, stage);

        stages[stageName] = stage;
        return stage.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var stageName = input.Required("stageName");
        var stage = Get(restApi, stageName);
        var rules = PatchRules.For("stage")
            .Check("stageVariable", RuleChecks.CheckVariable)
            .Handle("deploymentId", (target, operation) => PatchDeployment(restApi, target, operation))
            .Handle("canary", (target, operation) => CanarySettingsPatch.TryApply(restApi, target, operation))
            .Handle("cacheCluster", PatchCacheCluster)
            .Handle("methodSettings", MethodSettingsPatch.TryApply);
        var updated = rules.Apply(stage, PatchOperation.Read(input));
        updated["lastUpdatedDate"] = Clock.Now();
        GatewayState.Collection(restApi, "stages")[stageName] = updated;
        return updated.DeepClone().AsObject();
    }

    private static JsonObject NewStage(string stageName, string deploymentId, string? description, JsonObject? variables)
    {
        var now = Clock.Now();
        var stage = new JsonObject
        {
            ["deploymentId"] = deploymentId,
            ["stageName"] = stageName,
            ["cacheClusterEnabled"] = false,
            ["cacheClusterStatus"] = "NOT_AVAILABLE",
            ["methodSettings"] = new JsonObject(),
            ["tracingEnabled"] = false,
            ["createdDate"] = now,
            ["lastUpdatedDate"] = now,
        };
        if (description is not null)
        {
            stage["description"] = description;
        }

        if (variables is { Count: > 0 })
        {
            stage["variables"] = variables.DeepClone();
        }

        return stage;
    }

    private static void ApplyCacheAndTracing(JsonObject stage, OperationInput input)
    {
        if (input.String("cacheClusterSize") is { } size)
        {
            stage["cacheClusterSize"] = size;
        }

        if (input.Bool("cacheClusterEnabled") is { } enabled)
        {
            SetCacheEnabled(stage, enabled);
        }

        if (input.Bool("tracingEnabled") is { } tracing)
        {
            stage["tracingEnabled"] = tracing;
        }
    }

    private static bool PatchDeployment(JsonObject restApi, JsonObject stage, PatchOperation operation)
    {
        // "copy" from "/canarySettings/deploymentId" promotes the canary's deployment.
        var deploymentId = operation.Op == "copy"
            ? operation.From == "/canarySettings/deploymentId" ? stage["canarySettings"]?["deploymentId"]?.GetValue<string>() : throw PatchRules.InvalidValue(operation)
            : operation.Value;
        if (deploymentId is null || GatewayState.Collection(restApi, "deployments")[deploymentId] is null)
        {
            throw ServiceErrors.BadRequest("invalidStageDeployment", ("value", deploymentId ?? string.Empty));
        }

        stage["deploymentId"] = deploymentId;
        return true;
    }

    private static bool PatchCacheCluster(JsonObject stage, PatchOperation operation)
    {
        switch (operation.Path)
        {
            case "/cacheClusterEnabled":
                SetCacheEnabled(stage, PatchRules.ToValue(operation, PatchValueKind.Boolean).GetValue<bool>());
                return true;
            case "/cacheClusterSize":
                stage["cacheClusterSize"] = operation.Value;
                return true;
            default:
                return false;
        }
    }

    private static void SetCacheEnabled(JsonObject stage, bool enabled)
    {
        stage["cacheClusterEnabled"] = enabled;
        stage["cacheClusterStatus"] = enabled ? "AVAILABLE" : "NOT_AVAILABLE";
        if (enabled && stage["cacheClusterSize"] is null)
        {
            stage["cacheClusterSize"] = ServiceRules.Default.DefaultCacheClusterSize;
        }
    }
}
