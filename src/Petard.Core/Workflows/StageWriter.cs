using System.Text.Json.Nodes;
namespace Petard.Workflows;

/// <summary>Creates a missing stage, or patches only what differs in one <c>UpdateStage</c>. Never deletes a stage.</summary>
internal sealed class StageWriter(WorkflowRun run, string restApiId)
{
    private static readonly Resource NewStage = new(System.Text.Json.JsonDocument.Parse("{}").RootElement);

    /// <param name="stage">The stage as read, or null when it does not exist.</param>
    /// <param name="spec">The declared settings.</param>
    /// <param name="deploymentId">The deployment the stage should serve (null: keep; in a dry run: a new one).</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <returns>The deployment the stage serves afterwards.</returns>
    public async Task<string?> EnsureAsync(Resource? stage, StageSpec spec, string? deploymentId, CancellationToken cancellationToken)
    {
        var stageName = spec.GivenName;
        if (stage is null)
        {
            if (await TryCreateAsync(spec, deploymentId, cancellationToken).ConfigureAwait(false))
            {
                return deploymentId;
            }

            // A concurrent deploy created the stage first: carry on from what it made, if it serves this deployment.
            stage = await run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken).ConfigureAwait(false);
            if (stage is null || stage.GetString("deploymentId") != deploymentId)
            {
                throw PetardErrors.StageMoved(stageName, null, stage?.GetString("deploymentId"));
            }
        }

        var patches = StagePatchPlanner.Plan(stage, spec, deploymentId);
        if (patches.Any(p => p.Path == DeploymentPath) && !run.DryRun)
        {
            // Optimistic concurrency: another run may have moved the stage since it was read (a newer
            // build, or this run resuming late); never move it back to something older.
            stage = await ReadAgainAsync(stage, stageName, deploymentId!, cancellationToken).ConfigureAwait(false);
            patches = StagePatchPlanner.Plan(stage, spec, deploymentId);
        }

        if (patches.Count == 0)
        {
            run.Log.Info($"Stage '{stageName}' is up to date.");
        }
        else
        {
            await PatchAsync(stageName, patches, cancellationToken).ConfigureAwait(false);
        }

        return deploymentId ?? stage.GetString("deploymentId");
    }

    private const string DeploymentPath = "/deploymentId";

    /// <summary>The stage as it is now, when it still serves what this run read (or already what it wants); otherwise PETARD1018.</summary>
    private async Task<Resource> ReadAgainAsync(Resource stage, string stageName, string deploymentId, CancellationToken cancellationToken)
    {
        var read = stage.GetString("deploymentId");
        var now = await run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken).ConfigureAwait(false)
            ?? throw PetardErrors.StageMoved(stageName, read, null);
        var serves = now.GetString("deploymentId");
        return serves == read || serves == deploymentId ? now : throw PetardErrors.StageMoved(stageName, read, serves);
    }

    /// <summary>Creates the stage; false when a concurrent deploy created it first.</summary>
    private async Task<bool> TryCreateAsync(StageSpec spec, string? deploymentId, CancellationToken cancellationToken)
    {
        var stageName = spec.GivenName;
        if (deploymentId is null && !run.DryRun)
        {
            throw PetardErrors.StageMissingWithoutDeployment(stageName);
        }

        var parameters = new Dictionary<string, object?> { ["restApiId"] = restApiId, ["stageName"] = stageName, ["deploymentId"] = deploymentId, ["variables"] = spec.Variables };
        foreach (var field in spec.Fields.Where(f => f.Value is not null))
        {
            parameters[field.Member] = field.Value;
        }

        try
        {
            await run.WriteOnceAsync(
                "CreateStage",
                parameters,
                _ => $"created stage '{stageName}'" + (spec.Variables is { Count: > 0 } v ? $" with variables {string.Join(", ", v.Keys.Order(StringComparer.Ordinal))}" : ""),
                ct => run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, ct), // a stage is created whole or not at all
                cancellationToken).ConfigureAwait(false);
        }
        catch (PetardServiceException ex) when (ex.ErrorType == "ConflictException")
        {
            return false;
        }

        // CreateStage takes no method settings: they follow in one patch.
        var methodSettings = StagePatchPlanner.PlanMethodSettings(NewStage, spec.MethodSettings);
        if (methodSettings.Count > 0)
        {
            await PatchAsync(stageName, methodSettings, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task PatchAsync(string stageName, IReadOnlyList<StagePatch> patches, CancellationToken cancellationToken)
    {
        await run.WriteAsync(
            "UpdateStage",
            new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName, ["patchOperations"] = StagePatch.ToOperations(patches) },
            $"updated stage '{stageName}': {string.Join("; ", patches.Select(p => p.Change))}",
            cancellationToken).ConfigureAwait(false);
    }
}
