namespace Petard.Workflows;

/// <summary>
/// The deploy workflows behind the MSBuild tasks and Cake aliases. Every input is checked before the
/// first call; an unchanged API costs reads only; a dry run never writes. One instance per run.
/// </summary>
public sealed class PetardDeployer
{
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
    public async Task<DeployResult> ResolveRestApiAsync(ResolveRestApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RestApiFinder.Validate(request);
        var run = Start(request);
        var api = await RestApiFinder.FindAsync(run, request, cancellationToken).ConfigureAwait(false) ?? throw RestApiFinder.NotFound(request, client);
        return run.Result(api.Id!);
    }

    /// <summary>Puts an OpenAPI definition into a REST API (<c>PutRestApi</c>), or creates the API from it (<c>ImportRestApi</c>).</summary>
    /// <param name="request">The API, the file and the mode.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<DeployResult> ImportRestApiAsync(ImportRestApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RestApiFinder.Validate(request);
        DefinitionImporter.ValidateMode(request.PutMode);
        var definition = OpenApiDefinition.Load(request.OpenApiFile);
        var importer = new DefinitionImporter(run: Start(request), definition, request.PutMode, request.FailOnWarnings, request.RestApiName);
        var api = await RestApiFinder.FindAsync(importer.Run, request, cancellationToken).ConfigureAwait(false);
        var restApiId = await ImportOrCreateAsync(importer, request, api, request.CreateRestApi, cancellationToken).ConfigureAwait(false);
        return importer.Run.Result(restApiId);
    }

    /// <summary>
    /// Creates a deployment unless the stage already serves one with this run's fingerprint (the
    /// OpenAPI file and triggers). Does not touch the stage: <see cref="EnsureStageAsync"/> points it.
    /// </summary>
    /// <param name="request">The API, the stage to compare with, the fingerprint's inputs.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<DeployResult> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RestApiFinder.Validate(request);
        if (request.StageName is not null)
        {
            StageRules.ValidateStageName(request.StageName);
        }

        var fingerprint = DeploymentFingerprint.Compute(request.OpenApiFile is null ? null : OpenApiDefinition.Load(request.OpenApiFile).Content, request.Triggers);
        var run = Start(request);
        var restApiId = await FindExistingAsync(run, request, cancellationToken).ConfigureAwait(false);
        var stage = request.StageName is null ? null : await ReadStageAsync(run, restApiId, request.StageName, cancellationToken).ConfigureAwait(false);
        var deployments = new Deployments(run, restApiId);
        var deploymentId = (request.ForceDeploy ? null : await deployments.UnchangedAsync(stage, fingerprint, cancellationToken).ConfigureAwait(false))
            ?? await deployments.CreateAsync(request.DeploymentDescription, fingerprint, cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId, deploymentId, request.StageName);
    }

    /// <summary>Creates the stage when missing; otherwise sends only the settings that differ, in one <c>UpdateStage</c>, or no call at all.</summary>
    /// <param name="request">The API, the stage and its declared settings.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<DeployResult> EnsureStageAsync(EnsureStageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RestApiFinder.Validate(request);
        ValidateStage(request);
        var run = Start(request);
        var restApiId = await FindExistingAsync(run, request, cancellationToken).ConfigureAwait(false);
        var stage = await ReadStageAsync(run, restApiId, request.StageName, cancellationToken).ConfigureAwait(false);
        var deploymentId = await new StageWriter(run, restApiId).EnsureAsync(stage, request, request.DeploymentId, cancellationToken).ConfigureAwait(false);
        return run.Result(restApiId, deploymentId, request.StageName);
    }

    /// <summary>
    /// The whole flow: resolve the API (or create it from the OpenAPI file), and when the fingerprint
    /// differs from the stage's deployment, put the definition and create a deployment; then ensure the stage.
    /// An unchanged API costs reads only.
    /// </summary>
    /// <param name="request">Everything the flow needs.</param>
    /// <param name="cancellationToken">Cancels the in-flight call.</param>
    /// <exception cref="PetardException">Bad input (checked before any call), or the service refused.</exception>
    public async Task<DeployResult> DeployApiAsync(DeployApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RestApiFinder.Validate(request);
        ValidateStage(request);
        DefinitionImporter.ValidateMode(request.PutMode);
        var definition = request.OpenApiFile is null ? null : OpenApiDefinition.Load(request.OpenApiFile);
        var run = Start(request);
        var fingerprint = DeploymentFingerprint.Compute(definition?.Content, request.Triggers);
        if (fingerprint is null)
        {
            log.Info("No OpenAPI file and no triggers: Petard cannot tell whether the API changed, so it deploys every time.");
        }

        var api = await RestApiFinder.FindAsync(run, request, cancellationToken).ConfigureAwait(false);
        var restApiId = api?.Id ?? "";
        var stage = api is null ? null : await ReadStageAsync(run, restApiId, request.StageName, cancellationToken).ConfigureAwait(false);
        var deploymentId = request.ForceDeploy ? null : await new Deployments(run, restApiId).UnchangedAsync(stage, fingerprint, cancellationToken).ConfigureAwait(false);
        if (deploymentId is null)
        {
            if (definition is not null)
            {
                var importer = new DefinitionImporter(run, definition, request.PutMode, request.FailOnWarnings, request.RestApiName);
                restApiId = await ImportOrCreateAsync(importer, request, api, request.CreateRestApi, cancellationToken).ConfigureAwait(false);
            }
            else if (api is null)
            {
                throw RestApiFinder.NotFound(request, client);
            }

            deploymentId = await new Deployments(run, restApiId).CreateAsync(request.DeploymentDescription, fingerprint, cancellationToken).ConfigureAwait(false);
        }

        // A dry run has no id for the deployment it would create, but its plan still shows the stage moving to it.
        var target = deploymentId ?? (run.DryRun ? "(new deployment)" : null);
        await new StageWriter(run, restApiId).EnsureAsync(stage, request, target, cancellationToken).ConfigureAwait(false);
        var result = run.Result(restApiId, deploymentId, request.StageName);
        log.Info(result.Changed
            ? $"{(run.DryRun ? "Dry run: stage" : "Stage")} '{request.StageName}' of REST API {Show(restApiId)} {(run.DryRun ? "would serve" : "serves")} deployment {Show(deploymentId)}."
            : $"REST API {restApiId} is up to date: stage '{request.StageName}' serves deployment {deploymentId}.");
        return result;
    }

    private static void ValidateStage(StageSettingsRequest request)
    {
        StageRules.ValidateStageName(request.StageName);
        StageRules.ValidateVariables(request.Variables);
        StageRules.ValidateCacheClusterSize(request.CacheClusterSize);
        StagePatchPlanner.ValidateMethodSettings(request.MethodSettings);
    }

    private static async Task<Resource?> ReadStageAsync(WorkflowRun run, string restApiId, string stageName, CancellationToken cancellationToken) =>
        await run.ReadOrNullAsync("GetStage", new { restApiId, stageName }, cancellationToken).ConfigureAwait(false);

    private static string Show(string? id) => string.IsNullOrEmpty(id) ? "(new)" : id;

    private async Task<string> ImportOrCreateAsync(DefinitionImporter importer, ResolveRestApiRequest request, Resource? api, bool createRestApi, CancellationToken cancellationToken)
    {
        if (api is not null)
        {
            return await importer.PutAsync(api, cancellationToken).ConfigureAwait(false);
        }

        if (!createRestApi || string.IsNullOrWhiteSpace(request.RestApiName))
        {
            throw RestApiFinder.NotFound(request, client);
        }

        return await importer.CreateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindExistingAsync(WorkflowRun run, ResolveRestApiRequest request, CancellationToken cancellationToken)
    {
        var api = await RestApiFinder.FindAsync(run, request, cancellationToken).ConfigureAwait(false);
        return api?.Id ?? throw RestApiFinder.NotFound(request, client);
    }

    private WorkflowRun Start(WorkflowRequest request)
    {
        if (request.DryRun)
        {
            log.Info("Dry run: reading only; the changes below are the plan.");
        }

        return new WorkflowRun(client, log, request.DryRun);
    }
}
