namespace Petard.Workflows;

/// <summary>The release workflows: deploy as a canary, promote it, abort it.</summary>
public sealed partial class PetardDeployer
{
    /// <summary>Promotes the stage's canary in one <c>UpdateStage</c>; no write when the stage has no canary.</summary>
    /// <param name="request">The API and the stage.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <returns>The result; <see cref="WorkflowResult.DeploymentId"/> is the deployment the stage serves afterwards.</returns>
    /// <exception cref="PetardException">Bad input, the stage does not exist (PETARD1042), or the service refused.</exception>
    public Task<WorkflowResult> PromoteCanaryAsync(PromoteCanaryRequest request, CancellationToken cancellationToken = default) =>
        OnStageAsync(request, (release, stage, ct) => release.PromoteAsync(stage, ct), cancellationToken);

    /// <summary>Removes the stage's canary, leaving its deployment; no write when the stage has no canary.</summary>
    /// <param name="request">The API and the stage.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <returns>The result; <see cref="WorkflowResult.DeploymentId"/> is the deployment the stage serves.</returns>
    /// <exception cref="PetardException">Bad input, the stage does not exist (PETARD1042), or the service refused.</exception>
    public Task<WorkflowResult> AbortCanaryAsync(AbortCanaryRequest request, CancellationToken cancellationToken = default) =>
        OnStageAsync(request, (release, stage, ct) => release.AbortAsync(stage, ct), cancellationToken);

    private async Task<WorkflowResult> OnStageAsync(CanaryStageRequest request, Func<CanaryRelease, Resource, CancellationToken, Task<string?>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        StageRules.ValidateStageName(request.StageName);
        var stageName = request.StageName!.Trim();
        var run = Start(request);
        var restApiId = (await RestApiFinder.FindExistingAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false)).Id!;
        var stage = await ReadStageAsync(run, restApiId, stageName, cancellationToken).ConfigureAwait(false)
            ?? throw PetardErrors.StageNotFound(stageName, restApiId);
        var deploymentId = await step(new CanaryRelease(run, restApiId, stageName), stage, cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId, deploymentId, stageName);
    }

    /// <summary>
    /// DeployApi onto an existing stage that has a canary or should get one. Unchanged API: the stage's
    /// settings only. Changed API with a canary share: the new deployment becomes the canary, the stage's
    /// deployment stays. Changed API without a share over a canary: PETARD1041, rather than the service's
    /// refusal or silently dropping the canary.
    /// </summary>
    /// <returns>The result, or null when the plain flow applies (no canary asked for and none on the stage).</returns>
    private async Task<WorkflowResult?> DeployOverCanaryAsync(WorkflowRun run, DeployApiRequest request, OpenApiDefinition? definition, string? fingerprint, Resource? api, Resource? stage, CancellationToken cancellationToken)
    {
        var stageName = request.Stage.GivenName;
        var current = CanaryState.Of(stage);
        if (api?.Id is not { } restApiId || stage is null || (!request.Canary.Requested && current is null))
        {
            if (request.Canary.Requested)
            {
                log.Info($"Stage '{stageName}' does not exist yet: this build becomes its deployment, with no canary to compare against.");
            }

            return null;
        }

        var main = stage.GetString("deploymentId");
        var deployments = new Deployments(run, restApiId);
        var release = new CanaryRelease(run, restApiId, stageName);
        if (!request.Deployment.Force && await deployments.UnchangedAsync(stage, fingerprint, cancellationToken).ConfigureAwait(false) is not null)
        {
            log.Info(current is null
                ? $"Stage '{stageName}' already serves this build: no canary is needed."
                : $"Stage '{stageName}' already serves this build; its canary ({current}) stays until PromoteCanary or AbortCanary.");
            await new StageWriter(run, restApiId).EnsureAsync(stage, request.Stage, main, cancellationToken).ConfigureAwait(false);
            await new StageExposure(run, restApiId, stageName).EnsureAsync(request.Exposure, cancellationToken).ConfigureAwait(false);
            return run.Result(restApiId, main, stageName);
        }

        if (!request.Canary.Requested)
        {
            throw PetardErrors.CanaryOnStage(stageName, current!.DeploymentId, current.Percent);
        }

        var canaryId = request.Deployment.Force ? null : await release.UnchangedAsync(current, fingerprint, cancellationToken).ConfigureAwait(false);
        if (canaryId is null)
        {
            if (definition is not null)
            {
                await new DefinitionImporter(run, definition, request.Import, request.RestApi).ImportOrCreateAsync(api, cancellationToken).ConfigureAwait(false);
            }

            canaryId = await deployments.EnsureAsync(request.Deployment, fingerprint, newApi: false, cancellationToken).ConfigureAwait(false);
        }

        await new StageWriter(run, restApiId).EnsureAsync(stage, request.Stage, main, cancellationToken).ConfigureAwait(false);
        await release.EnsureAsync(current, request.Canary, canaryId ?? "(new deployment)", cancellationToken).ConfigureAwait(false);
        await new StageExposure(run, restApiId, stageName).EnsureAsync(request.Exposure, cancellationToken).ConfigureAwait(false);
        log.Info($"{(run.DryRun ? "Dry run: stage" : "Stage")} '{stageName}' of REST API {restApiId} {(run.DryRun ? "would serve" : "serves")} deployment {main}, with {CanaryState.Show(request.Canary.Percent!.Value)}% of requests on canary deployment {Show(canaryId)}.");
        return run.Result(restApiId, canaryId, stageName);
    }
}
