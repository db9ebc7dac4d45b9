using System.Text.Json.Nodes;
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

        var deployment = await run.SendOrNullAsync("GetDeployment", new JsonObject { ["restApiId"] = restApiId, ["deploymentId"] = current }, cancellationToken).ConfigureAwait(false);
        if (DeploymentFingerprint.Read(deployment?.GetString("description")) != fingerprint)
        {
            run.Log.Detail($"Deployment {current} has another fingerprint than {fingerprint}: the API changed.");
            return null;
        }

        run.Log.Info($"The API is unchanged (fingerprint {fingerprint}): deployment {current} stays.");
        return current;
    }

    /// <summary>
    /// The deployment for this fingerprint, with no stage (the stage is ensured separately): one that
    /// already carries it (left by an interrupted run, or made by a concurrent build) is reused, so a
    /// fingerprint has one deployment; otherwise a new one. Null in a dry run.
    /// </summary>
    /// <param name="spec">The deployment's settings.</param>
    /// <param name="fingerprint">This run's fingerprint, if it has one.</param>
    /// <param name="newApi">The API was just created by this run: it has no deployment to reuse.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    public async Task<string?> EnsureAsync(DeploymentSpec spec, string? fingerprint, bool newApi, CancellationToken cancellationToken)
    {
        var reusable = fingerprint is not null && !spec.Force && restApiId.Length > 0;
        if (reusable && !newApi && await SettledWinnerAsync(fingerprint!, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            run.Log.Info($"Deployment {existing.Id} already carries fingerprint {fingerprint}: it is reused.");
            return existing.Id;
        }

        var created = await CreateAsync(spec.Description, fingerprint, cancellationToken).ConfigureAwait(false);
        return created is null || !reusable ? created : await ConvergeAsync(created, fingerprint!, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> CreateAsync(string? description, string? fingerprint, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject { ["restApiId"] = restApiId, ["description"] = DeploymentFingerprint.Describe(description, fingerprint) };
        static string Change(Resource? created) => created is null ? "created a deployment" : $"created deployment {created.Id}";
        var result = fingerprint is null
            ? await run.WriteAsync("CreateDeployment", parameters, Change, cancellationToken).ConfigureAwait(false)
            : await run.WriteOnceAsync("CreateDeployment", parameters, Change, async ct => Convergence.Winner(await CarryingAsync(fingerprint, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        return result?.Id;
    }

    /// <summary>
    /// Builds of the same change that ran at once each created a deployment: all keep the oldest (ties
    /// by id), and each removes the one it created itself unless a stage already serves it (the service
    /// refuses then, and it stays). The caller moves the stage to the one kept.
    /// </summary>
    private async Task<string> ConvergeAsync(string created, string fingerprint, CancellationToken cancellationToken)
    {
        await Convergence.SettleAsync(cancellationToken).ConfigureAwait(false);
        var winner = Convergence.Winner(await CarryingAsync(fingerprint, cancellationToken).ConfigureAwait(false));
        if (winner?.Id is not { } kept || kept == created)
        {
            return created;
        }

        try
        {
            await run.WriteAsync("DeleteDeployment", new JsonObject { ["restApiId"] = restApiId, ["deploymentId"] = created }, $"removed deployment {created} again: a concurrent deploy made {kept} with the same fingerprint", cancellationToken).ConfigureAwait(false);
        }
        catch (PetardServiceException ex) when (ex.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Conflict)
        {
            run.Log.Detail($"Deployment {created} stays: {ex.ServiceMessage}"); // a stage already uses it
        }

        return kept;
    }

    /// <summary>
    /// The deployment carrying the fingerprint that concurrent creators will keep. One made in the last
    /// second may still lose to a twin made in the same second (createdDate has whole seconds), whose
    /// creator then keeps the twin: the list is read again once that second has passed.
    /// </summary>
    private async Task<Resource?> SettledWinnerAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var carrying = await CarryingAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        var wait = Convergence.YoungWait(carrying, DateTimeOffset.UtcNow);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            carrying = await CarryingAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        }

        return Convergence.Winner(carrying);
    }

    /// <summary>Every deployment of the API that carries the fingerprint (every page).</summary>
    private async Task<List<Resource>> CarryingAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var found = new List<Resource>();
        string? position = null;
        do
        {
            var page = await run.SendAsync("GetDeployments", position is null ? new JsonObject { ["restApiId"] = restApiId, ["limit"] = 500 } : new JsonObject { ["restApiId"] = restApiId, ["limit"] = 500, ["position"] = position }, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Items.Where(d => DeploymentFingerprint.Read(d.GetString("description")) == fingerprint));
            position = page.Position == position ? null : page.Position;
        }
        while (position is not null);

        return found;
    }
}
