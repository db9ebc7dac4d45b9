using System.Text.Json.Nodes;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.Patching;

/// <summary>
/// A stage's canary, patched as the service patches it: <c>/canarySettings/percentTraffic</c>,
/// <c>/canarySettings/deploymentId</c>, <c>/canarySettings/useStageCache</c>,
/// <c>/canarySettings/stageVariableOverrides/{name}</c>, and <c>remove /canarySettings</c>.
/// </summary>
internal static class CanarySettingsPatch
{
    /// <summary>Takes the operation when its path addresses the canary.</summary>
    public static bool TryApply(JsonObject restApi, JsonObject stage, PatchOperation operation)
    {
        var segments = operation.Segments;
        if (segments.Count == 0 || segments[0] != "canarySettings")
        {
            return false;
        }

        if (segments.Count == 1)
        {
            if (operation.Op != "remove")
            {
                throw PatchRules.InvalidValue(operation);
            }

            stage.Remove("canarySettings");
            return true;
        }

        var canary = GatewayState.Collection(stage, "canarySettings");
        switch (segments)
        {
            case [_, "percentTraffic"] when operation.Op is "replace" or "add":
                var percent = PatchRules.ToValue(operation, PatchValueKind.Double).GetValue<double>();
                canary["percentTraffic"] = percent is >= 0 and <= 100 ? percent : throw Operations.ServiceErrors.BadRequest("invalidPercentTraffic", ("value", operation.Value!));
                return true;
            case [_, "useStageCache"] when operation.Op is "replace" or "add":
                canary["useStageCache"] = PatchRules.ToValue(operation, PatchValueKind.Boolean);
                return true;
            case [_, "deploymentId"] when operation.Op is "replace" or "add":
                canary["deploymentId"] = GatewayState.Collection(restApi, "deployments")[operation.Value ?? string.Empty] is not null
                    ? operation.Value
                    : throw Operations.ServiceErrors.BadRequest("invalidStageDeployment", ("value", operation.Value ?? string.Empty));
                return true;
            case [_, "stageVariableOverrides", var name]:
                var overrides = GatewayState.Collection(canary, "stageVariableOverrides");
                if (operation.Op == "remove")
                {
                    overrides.Remove(name);
                }
                else
                {
                    Validation.RuleChecks.CheckVariable(name, operation.Value);
                    overrides[name] = operation.Value;
                }

                return true;
            default:
                throw PatchRules.InvalidValue(operation);
        }
    }
}
