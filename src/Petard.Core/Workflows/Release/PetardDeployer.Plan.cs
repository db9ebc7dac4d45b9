using Petard.CodeFirst;

namespace Petard.Workflows;

/// <summary>The plan: a deploy's dry run plus the drift it cannot see.</summary>
public sealed partial class PetardDeployer
{
    /// <summary>
    /// Reads only: reports what <see cref="DeployApiAsync"/> would change with the same settings (as a dry
    /// run), then the drift: a stage serving a deployment Petard did not make, stage settings changed
    /// outside the build, a leftover canary.
    /// </summary>
    /// <param name="request">The deploy to plan, and whether drift fails the plan.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <returns>The dry run's result with <see cref="WorkflowResult.Drift"/>.</returns>
    /// <exception cref="PetardException">Bad input, drift with <see cref="PlanRequest.FailOnDrift"/> (PETARD1043), or the service refused.</exception>
    public async Task<WorkflowResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deploy = request.Deploy;
        var dryRun = deploy.DryRun;
        deploy.DryRun = true; // the caller's request, restored below: a script may deploy with it next
        WorkflowResult? planned = null;
        try
        {
            planned = await DeployApiAsync(deploy, cancellationToken).ConfigureAwait(false);
        }
        catch (PetardException ex) when (ex.Code == PetardErrorCodes.CanaryOnStage)
        {
            log.Info($"DeployApi would stop: {ex.Message}"); // the canary is reported as drift below
        }
        finally
        {
            deploy.DryRun = dryRun;
        }

        // The definition as DeployApi sends it (generated, converted, with integrations): its warnings were reported by the dry run above.
        var definition = DefinitionPreparer.Load(deploy, deploy.Import, client.Region, NullPetardLog.Instance, deploying: true);
        var fingerprint = DeploymentFingerprint.Compute(definition?.Content, deploy.Deployment.Triggers);
        var run = new WorkflowRun(client, log, dryRun: true);
        var drift = await StageDrift.FindAsync(run, deploy, fingerprint, cancellationToken).ConfigureAwait(false);
        var stageName = deploy.Stage.GivenName;
        log.Info(planned is null ? "Plan: DeployApi would fail (above)." : planned.Changed ? $"Plan: {planned.Changes.Count} change(s) (above)." : "Plan: no change.");
        foreach (var line in drift)
        {
            log.Info($"Drift: {line}.");
        }

        if (drift.Count == 0)
        {
            log.Info($"Drift: none on stage '{stageName}'.");
        }
        else if (request.FailOnDrift)
        {
            throw PetardErrors.DriftFound(stageName, drift);
        }

        var driftCalls = run.Result("").Calls;
        return new WorkflowResult(planned?.RestApiId ?? "", planned?.DeploymentId, stageName, planned?.InvokeUrl, dryRun: true, planned?.Changes ?? [], [.. planned?.Calls ?? [], .. driftCalls]) { Drift = drift };
    }
}
