using System.Text.Json.Nodes;
using System.Net;
using Petard.CodeFirst;

namespace Petard.Workflows;

/// <summary>
/// The deploy workflows behind the MSBuild tasks and Cake aliases. Every input is checked before the
/// first call; an unchanged API costs reads only; a dry run never writes. One instance per run.
/// </summary>
public sealed partial class PetardDeployer
{
    private const int VanishedApiRestarts = 3;

    private readonly PetardClient client;
    private readonly IPetardLog log;

    /// <summary>Creates the workflows over a client.</summary>
    /// <param name="client">The client; the caller owns it.</param>
    /// <param name="log">Where steps and decisions are reported.</param>
    public PetardDeployer(PetardClient client, IPetardLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        this.log = log ?? NullPetardLog.Instance;
    }

    /// <summary>Finds a REST API by id or by name.</summary>
    /// <param name="request">The id or name.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">No id or name (PETARD1001), not found (PETARD1002), several with the name (PETARD1003).</exception>
    public async Task<WorkflowResult> ResolveRestApiAsync(ResolveRestApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        var run = Start(request);
        var api = await RestApiFinder.FindExistingAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false);
        return run.Result(api.Id!);
    }

    /// <summary>Puts an OpenAPI definition into a REST API (<c>PutRestApi</c>), or creates the API from it (<c>ImportRestApi</c>).</summary>
    /// <param name="request">The API, the file and the mode.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<WorkflowResult> ImportRestApiAsync(ImportRestApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        request.Import.Validate();
        var definition = DefinitionPreparer.Load(request, request.Import, client.Region, log, deploying: false) ?? throw PetardErrors.NoOpenApiFile();
        var run = Start(request);
        var api = await RestApiFinder.FindAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false);
        var restApiId = await new DefinitionImporter(run, definition, request.Import, request.RestApi).ImportOrCreateAsync(api, cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId);
    }

    /// <summary>
    /// Creates a deployment unless the stage already serves one with this run's fingerprint (the
    /// OpenAPI file and triggers). Does not touch the stage: <see cref="EnsureStageAsync"/> points it.
    /// </summary>
    /// <param name="request">The API, the stage to compare with, the fingerprint's inputs.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<WorkflowResult> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        var stageName = OptionalText.Of(request.StageName);
        if (stageName is not null)
        {
            StageRules.ValidateStageName(stageName);
        }

        var fingerprint = DeploymentFingerprint.Compute(DefinitionPreparer.Load(request, request.Import, client.Region, log, deploying: false)?.Content, request.Deployment.Triggers);
        var run = Start(request);
        var restApiId = (await RestApiFinder.FindExistingAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false)).Id!;
        var stage = stageName is null ? null : await ReadStageAsync(run, restApiId, stageName, cancellationToken).ConfigureAwait(false);
        var deployments = new Deployments(run, restApiId);
        var deploymentId = (request.Deployment.Force ? null : await deployments.UnchangedAsync(stage, fingerprint, cancellationToken).ConfigureAwait(false))
            ?? await deployments.EnsureAsync(request.Deployment, fingerprint, newApi: false, cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId, deploymentId, stageName);
    }

    /// <summary>Creates the stage when missing; otherwise sends only the settings that differ, in one <c>UpdateStage</c>, or no call at all.</summary>
    /// <param name="request">The API, the stage and its declared settings.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<WorkflowResult> EnsureStageAsync(EnsureStageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        request.Stage.Validate();
        var run = Start(request);
        var restApiId = (await RestApiFinder.FindExistingAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false)).Id!;
        var stageName = request.Stage.GivenName;
        var stage = await ReadStageAsync(run, restApiId, stageName, cancellationToken).ConfigureAwait(false);
        var deploymentId = await new StageWriter(run, restApiId).EnsureAsync(stage, request.Stage, OptionalText.Of(request.DeploymentId), cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId, deploymentId, stageName);
    }

    /// <summary>
    /// The whole flow: resolve the API (or create it from the OpenAPI file), and when the fingerprint
    /// differs from the stage's deployment, put the definition and create a deployment; then ensure the stage.
    /// An unchanged API costs reads only.
    /// </summary>
    /// <param name="request">Everything the flow needs.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<WorkflowResult> DeployApiAsync(DeployApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApi.Validate();
        request.Stage.Validate();
        request.Import.Validate();
        request.Canary.Validate();
        request.Exposure.Validate();
        var definition = DefinitionPreparer.Load(request, request.Import, client.Region, log, deploying: true); // what is sent is what is fingerprinted
        var run = Start(request);
        var fingerprint = DeploymentFingerprint.Compute(definition?.Content, request.Deployment.Triggers);
        if (fingerprint is null)
        {
            log.Warning(PetardWarnings.NoFingerprint());
        }

        // A concurrent first deploy may remove the API this run found by name (Convergence keeps the oldest):
        // the name then leads to the kept one, so the flow starts again there; what it did on the removed API went with it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeployOnceAsync(run, request, definition, fingerprint, cancellationToken).ConfigureAwait(false);
            }
            catch (PetardServiceException ex) when (ex.StatusCode == HttpStatusCode.NotFound && request.RestApi.GivenId is null && attempt < VanishedApiRestarts)
            {
                log.Detail($"The REST API named '{request.RestApi.GivenName}' was removed by a concurrent deploy ({ex.Operation}): looking it up again.");
            }
        }
    }

    private async Task<WorkflowResult> DeployOnceAsync(WorkflowRun run, DeployApiRequest request, OpenApiDefinition? definition, string? fingerprint, CancellationToken cancellationToken)
    {
        var stageName = request.Stage.GivenName;
        var api = await RestApiFinder.FindAsync(run, request.RestApi, cancellationToken).ConfigureAwait(false);
        var restApiId = api?.Id ?? "";
        var stage = api is null ? null : await ReadStageAsync(run, restApiId, stageName, cancellationToken).ConfigureAwait(false);
        if (await DeployOverCanaryAsync(run, request, definition, fingerprint, api, stage, cancellationToken).ConfigureAwait(false) is { } canaryResult)
        {
            return canaryResult;
        }

        var deploymentId = request.Deployment.Force ? null : await new Deployments(run, restApiId).UnchangedAsync(stage, fingerprint, cancellationToken).ConfigureAwait(false);
        if (deploymentId is null)
        {
            var newApi = false;
            if (definition is not null)
            {
                var importer = new DefinitionImporter(run, definition, request.Import, request.RestApi);
                restApiId = await importer.ImportOrCreateAsync(api, cancellationToken).ConfigureAwait(false);
                newApi = importer.CreatedNew;
            }
            else if (api is null)
            {
                throw RestApiFinder.NotFound(run, request.RestApi);
            }

            deploymentId = await new Deployments(run, restApiId).EnsureAsync(request.Deployment, fingerprint, newApi, cancellationToken).ConfigureAwait(false);
        }

        // A dry run has no id for the deployment it would create, but its plan still shows the stage moving to it.
        var target = deploymentId ?? (run.DryRun ? "(new deployment)" : null);
        await new StageWriter(run, restApiId).EnsureAsync(stage, request.Stage, target, cancellationToken).ConfigureAwait(false);
        await new StageExposure(run, restApiId, stageName).EnsureAsync(request.Exposure, cancellationToken).ConfigureAwait(false);
        var result = run.Result(restApiId, deploymentId, stageName);
        log.Info(result.Changed
            ? $"{(run.DryRun ? "Dry run: stage" : "Stage")} '{stageName}' of REST API {Show(restApiId)} {(run.DryRun ? "would serve" : "serves")} deployment {Show(deploymentId)}."
            : $"REST API {restApiId} is up to date: stage '{stageName}' serves deployment {deploymentId}.");
        return result;
    }

    private static async Task<Resource?> ReadStageAsync(WorkflowRun run, string restApiId, string stageName, CancellationToken cancellationToken) =>
        await run.SendOrNullAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken).ConfigureAwait(false);

    private static string Show(string? id) => string.IsNullOrEmpty(id) ? "(new)" : id;

    private WorkflowRun Start(WorkflowRequest request)
    {
        if (request.DryRun)
        {
            log.Info("Dry run: reading only; the changes below are the plan.");
        }

        return new WorkflowRun(client, log, request.DryRun);
    }
}
