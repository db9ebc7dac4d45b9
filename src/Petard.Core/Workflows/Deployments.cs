namespace Petard.Workflows;

/// <summary>Decides whether the stage's deployment is current (same fingerprint) and creates a new one when not.</summary>
internal sealed class Deployments(WorkflowRun run, string restApiId)
{
    /// <summary>The stage's deployment when it carries this fingerprint; null when a deployment is needed.</summary>
    public async Task<string?> UnchangedAsync(Resource? stage, string? fingerprint, CancellationToken cancellationToken)
    {
        var current = stage?.GetString("deploymentId");
        if (fingerprint is null || current is null)
        {
            return null;
        }

        var deployment = await run.ReadOrNullAsync("GetDeployment", new { restApiId, deploymentId = current }, cancellationToken).ConfigureAwait(false);
        if (DeploymentFingerprint.Read(deployment?.GetString("description")) != fingerprint)
        {
            run.Log.Detail($"Deployment {current} has another fingerprint than {fingerprint}: the API changed.");
            return null;
        }

        run.Log.Info($"The API is unchanged (fingerprint {fingerprint}): deployment {current} stays.");
        return current;
    }

    /// <summary>Creates a deployment (no stage: the stage is ensured separately); null in a dry run.</summary>
    public async Task<string?> CreateAsync(string? description, string? fingerprint, CancellationToken cancellationToken)
    {
        var result = await run.WriteAsync(
            "CreateDeployment",
            new { restApiId, description = DeploymentFingerprint.Describe(description, fingerprint) },
            created => created is null ? "created a deployment" : $"created deployment {created.Id}",
            cancellationToken).ConfigureAwait(false);
        return result?.Id;
    }
}
