using System.Text.Json.Nodes;
namespace Petard.Workflows;

/// <summary>
/// What changed on a stage outside the build. Petard keeps no state of its own, so drift is read from
/// the stage: a deployment without Petard's fingerprint, settings that differ from the declared ones
/// while the stage serves this very build (its usage plans, method throttles and domain mapping included), a
/// canary the build does not declare.
/// </summary>
internal static class StageDrift
{
    public static async Task<IReadOnlyList<string>> FindAsync(WorkflowRun run, DeployApiRequest request, string? fingerprint, CancellationToken cancellationToken)
    {
        var api = await RestApiFinder.FindAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false);
        var stageName = request.Stage.GivenName;
        var stage = api?.Id is not { } restApiId ? null : await run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken).ConfigureAwait(false);
        if (stage is null)
        {
            return []; // nothing exists yet that could have drifted
        }

        var drift = new List<string>();
        var deploymentId = stage.GetString("deploymentId");
        var deployment = deploymentId is null ? null : await run.SendOrNullAsync("GetDeployment", new JsonObject { ["restApiId"] = api!.Id, ["deploymentId"] = deploymentId }, cancellationToken).ConfigureAwait(false);
        var served = DeploymentFingerprint.Read(deployment?.GetString("description"));
        if (fingerprint is not null && served is null)
        {
            drift.Add($"stage '{stageName}' serves deployment {deploymentId}, which Petard did not make (its description has no Petard fingerprint)");
        }

        // Only when the stage serves this build: otherwise differences are this build's release, not drift.
        if (fingerprint is not null && served == fingerprint)
        {
            drift.AddRange(StagePatchPlanner.Plan(stage, request.Stage, null).Select(p => $"stage '{stageName}' was changed outside the build: {p.Change}"));
            drift.AddRange(await new StageExposure(run, api!.Id!, stageName).DriftAsync(request.Exposure, cancellationToken).ConfigureAwait(false));
        }

        if (!request.Canary.Requested && CanaryState.Of(stage) is { } canary)
        {
            drift.Add($"stage '{stageName}' has a canary the build does not declare ({canary}): promote or abort it");
        }

        return drift;
    }
}
