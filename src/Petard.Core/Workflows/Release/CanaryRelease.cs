using System.Text.Json.Nodes;
namespace Petard.Workflows;

/// <summary>
/// A stage's canary: puts a deployment on it, promotes it, or aborts it, each in at most one
/// <c>UpdateStage</c> and none when there is nothing to do, so every step is safe to run again.
/// Never deletes a deployment or a stage.
/// </summary>
internal sealed class CanaryRelease(WorkflowRun run, string restApiId, string stageName)
{
    private const string CanaryPath = "/canarySettings";

    /// <summary>The canary's deployment when it carries this fingerprint (this build is already the canary); otherwise null.</summary>
    public async Task<string?> UnchangedAsync(CanaryState? canary, string? fingerprint, CancellationToken cancellationToken)
    {
        if (fingerprint is null || canary?.DeploymentId is not { } current)
        {
            return null;
        }

        var deployment = await run.SendOrNullAsync("GetDeployment", new JsonObject { ["restApiId"] = restApiId, ["deploymentId"] = current }, cancellationToken).ConfigureAwait(false);
        if (DeploymentFingerprint.Read(deployment?.GetString("description")) != fingerprint)
        {
            return null;
        }

        run.Log.Info($"The canary already serves this build (fingerprint {fingerprint}): deployment {current} stays.");
        return current;
    }

    /// <summary>Points the canary at <paramref name="deploymentId"/> with the declared share and variables; no call when it already is.</summary>
    public async Task EnsureAsync(CanaryState? current, CanarySpec spec, string deploymentId, CancellationToken cancellationToken)
    {
        var patches = new List<StagePatch>();
        if (current?.DeploymentId != deploymentId)
        {
            patches.Add(new StagePatch("replace", CanaryPath + "/deploymentId", deploymentId, $"canary deployment: {current?.DeploymentId ?? "(none)"} -> {deploymentId}"));
        }

        var percent = spec.Percent ?? 0;
        if (current is null || current.Percent != percent)
        {
            patches.Add(new StagePatch("replace", CanaryPath + "/percentTraffic", CanaryState.Show(percent), $"canary share: {(current is null ? "(none)" : CanaryState.Show(current.Percent) + "%")} -> {CanaryState.Show(percent)}%"));
        }

        StagePatchPlanner.PlanVariables(patches, current?.Overrides ?? new Dictionary<string, string>(), spec.StageVariables, CanaryPath + "/stageVariableOverrides", "canary stage variable");
        if (patches.Count == 0)
        {
            run.Log.Info($"The canary of stage '{stageName}' is up to date ({current}).");
            return;
        }

        await PatchAsync(patches, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The service's promotion in one <c>UpdateStage</c>: the stage serves the canary's deployment, the
    /// canary's variable overrides become stage variables, and the canary is removed. No call without a canary.
    /// </summary>
    /// <returns>The deployment the stage serves afterwards.</returns>
    public async Task<string?> PromoteAsync(Resource stage, CancellationToken cancellationToken)
    {
        var main = stage.GetString("deploymentId");
        if (CanaryState.Of(stage) is not { } canary)
        {
            run.Log.Info($"Stage '{stageName}' has no canary: nothing to promote (it serves deployment {main}).");
            return main;
        }

        // Explicit values rather than the guide's 'copy' operations: the same result, and the values
        // are the ones this run read and reports.
        var patches = new List<StagePatch>();
        if (canary.DeploymentId is { } promoted && promoted != main)
        {
            patches.Add(new StagePatch("replace", "/deploymentId", promoted, $"stage deployment: {main} -> {promoted} (promoted canary)"));
        }

        foreach (var (name, value) in canary.Overrides.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            patches.Add(new StagePatch("replace", $"/variables/{name}", value, $"stage variable {name} from the canary"));
        }

        patches.Add(new StagePatch("remove", CanaryPath, null, "removed the canary"));
        await ReadAgainAsync(main, canary, cancellationToken).ConfigureAwait(false);
        await PatchAsync(patches, cancellationToken).ConfigureAwait(false);
        return canary.DeploymentId ?? main;
    }

    /// <summary>
    /// Optimistic concurrency, as <see cref="StageWriter"/> does for a deploy: the promotion is planned from one
    /// read, so another release that replaced the canary (or the stage's deployment) since then must not be
    /// promoted unseen; PETARD1049 instead.
    /// </summary>
    private async Task ReadAgainAsync(string? main, CanaryState canary, CancellationToken cancellationToken)
    {
        if (run.DryRun)
        {
            return;
        }

        var now = await run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken).ConfigureAwait(false);
        var canaryNow = CanaryState.Of(now);
        var mainNow = now?.GetString("deploymentId");
        if (mainNow != main || canaryNow?.DeploymentId != canary.DeploymentId)
        {
            throw PetardErrors.CanaryMoved(stageName, Describe(main, canary), now is null ? "gone" : Describe(mainNow, canaryNow));
        }
    }

    private static string Describe(string? main, CanaryState? canary) =>
        $"serving deployment {main ?? "(none)"} with {(canary is null ? "no canary" : "canary " + canary)}";

    /// <summary>Removes the canary; the stage's deployment and variables stay. No call without a canary.</summary>
    /// <returns>The deployment the stage serves.</returns>
    public async Task<string?> AbortAsync(Resource stage, CancellationToken cancellationToken)
    {
        var main = stage.GetString("deploymentId");
        if (CanaryState.Of(stage) is not { } canary)
        {
            run.Log.Info($"Stage '{stageName}' has no canary: nothing to abort (it serves deployment {main}).");
            return main;
        }

        await PatchAsync([new StagePatch("remove", CanaryPath, null, $"removed the canary ({canary}); the stage serves deployment {main}")], cancellationToken).ConfigureAwait(false);
        return main;
    }

    private async Task PatchAsync(IReadOnlyList<StagePatch> patches, CancellationToken cancellationToken) =>
        await run.WriteAsync(
            "UpdateStage",
            new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName, ["patchOperations"] = StagePatch.ToOperations(patches) },
            $"updated stage '{stageName}': {string.Join("; ", patches.Select(p => p.Change))}",
            cancellationToken).ConfigureAwait(false);
}
