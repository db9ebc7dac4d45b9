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

        var deployment = await run.SendOrNullAsync("GetDeployment", new { restApiId, deploymentId = current }, cancellationToken).ConfigureAwait(false);
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
        var parameters = new { restApiId, description = DeploymentFingerprint.Describe(description, fingerprint) };
        static string Change(Resource? created) => created is null ? "created a deployment" : $"created deployment {created.Id}";
        var result = fingerprint is null
            ? await run.WriteAsync("CreateDeployment", parameters, Change, cancellationToken).ConfigureAwait(false)
            : await run.WriteOnceAsync("CreateDeployment", parameters, Change, ct => FindAsync(fingerprint, ct), cancellationToken).ConfigureAwait(false);
        return result?.Id;
    }

    /// <summary>The newest deployment carrying the fingerprint: one whose CreateDeployment answer was lost.</summary>
    private async Task<Resource?> FindAsync(string fingerprint, CancellationToken cancellationToken)
    {
        Resource? newest = null;
        string? position = null;
        do
        {
            var page = await run.SendAsync("GetDeployments", position is null ? new { restApiId, limit = 500 } : new { restApiId, limit = 500, position }, cancellationToken).ConfigureAwait(false);
            foreach (var deployment in page.Items.Where(d => DeploymentFingerprint.Read(d.GetString("description")) == fingerprint))
            {
                if (newest is null || CreatedDate(deployment) >= CreatedDate(newest))
                {
                    newest = deployment;
                }
            }

            position = page.Position == position ? null : page.Position;
        }
        while (position is not null);

        return newest;
    }

    private static double CreatedDate(Resource deployment) =>
        deployment["createdDate"].ValueKind == System.Text.Json.JsonValueKind.Number ? deployment["createdDate"].GetDouble() : 0;
}
