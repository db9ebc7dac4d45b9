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
            await CreateAsync(spec, deploymentId, cancellationToken).ConfigureAwait(false);
            return deploymentId;
        }

        var patches = StagePatchPlanner.Plan(stage, spec, deploymentId);
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

    private async Task CreateAsync(StageSpec spec, string? deploymentId, CancellationToken cancellationToken)
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

        await run.WriteOnceAsync(
            "CreateStage",
            parameters,
            _ => $"created stage '{stageName}'" + (spec.Variables is { Count: > 0 } v ? $" with variables {string.Join(", ", v.Keys.Order(StringComparer.Ordinal))}" : ""),
            ct => run.SendOrNullAsync("GetStage", new { restApiId, stageName }, ct), // a stage is created whole or not at all
            cancellationToken).ConfigureAwait(false);

        // CreateStage takes no method settings: they follow in one patch.
        var methodSettings = StagePatchPlanner.PlanMethodSettings(NewStage, spec.MethodSettings);
        if (methodSettings.Count > 0)
        {
            await PatchAsync(stageName, methodSettings, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PatchAsync(string stageName, IReadOnlyList<StagePatch> patches, CancellationToken cancellationToken)
    {
        await run.WriteAsync(
            "UpdateStage",
            new { restApiId, stageName, patchOperations = patches.Select(p => p.ToOperation()).ToArray() },
            $"updated stage '{stageName}': {string.Join("; ", patches.Select(p => p.Change))}",
            cancellationToken).ConfigureAwait(false);
    }
}
