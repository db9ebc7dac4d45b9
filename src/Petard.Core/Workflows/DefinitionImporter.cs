using System.Text.Json.Nodes;
namespace Petard.Workflows;

/// <summary>Sends an OpenAPI definition: <c>PutRestApi</c> into an API, or <c>ImportRestApi</c> to create one; then names the API as the settings say.</summary>
internal sealed class DefinitionImporter
{
    private readonly WorkflowRun run;
    private readonly OpenApiDefinition definition;
    private readonly string mode;
    private readonly bool? failOnWarnings; // null: left out of the query, as the service's default
    private readonly string? name;
    private readonly bool createRestApi;
    private readonly RestApiTarget target;

    public DefinitionImporter(WorkflowRun run, OpenApiDefinition definition, ImportSpec import, RestApiTarget target)
    {
        this.target = target;
        createRestApi = import.CreateRestApi;
        this.run = run;
        this.definition = definition;
        mode = import.WirePutMode;
        failOnWarnings = import.FailOnWarnings ? true : null;
        name = target.GivenName;
    }

    /// <summary>Whether this run created the API it kept, so it has no deployments yet.</summary>
    public bool CreatedNew { get; private set; }

    /// <summary>Puts the definition into an existing API, or creates the API from it when allowed.</summary>
    public async Task<string> ImportOrCreateAsync(Resource? api, CancellationToken cancellationToken)
    {
        if (api is not null)
        {
            return await PutAsync(api, cancellationToken).ConfigureAwait(false);
        }

        if (!createRestApi || name is null)
        {
            throw RestApiFinder.NotFound(run, target);
        }

        return await CreateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PutAsync(Resource api, CancellationToken cancellationToken)
    {
        var restApiId = api.Id!;
        var result = await run.WriteAsync(
            "PutRestApi",
            new Dictionary<string, object?> { ["restApiId"] = restApiId, ["mode"] = mode, ["failOnWarnings"] = failOnWarnings, ["body"] = definition.Content },
            $"put {Path.GetFileName(definition.Path)} into REST API {restApiId} ({mode})",
            cancellationToken).ConfigureAwait(false);
        ReportWarnings(result);
        await NameAsync(result ?? api, cancellationToken).ConfigureAwait(false);
        return restApiId;
    }

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var result = await run.WriteAsync(
            "ImportRestApi",
            new Dictionary<string, object?> { ["failOnWarnings"] = failOnWarnings, ["body"] = DefinitionTitle.Set(definition, name!) },
            $"created REST API '{name}' from {Path.GetFileName(definition.Path)}",
            cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return ""; // a dry run: the id is the service's to choose
        }

        ReportWarnings(result);
        return await ConvergeAsync(result.Id!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deploys that found no API of the name at the same moment each created one: all keep the oldest,
    /// and each removes the one it created itself, then puts its definition into the kept one.
    /// </summary>
    private async Task<string> ConvergeAsync(string created, CancellationToken cancellationToken)
    {
        await Convergence.SettleAsync(cancellationToken).ConfigureAwait(false);
        var kept = Convergence.Winner(await RestApiFinder.AllNamedAsync(run, name!, cancellationToken).ConfigureAwait(false));
        if (kept?.Id is null || kept.Id == created)
        {
            CreatedNew = true;
            return created;
        }

        await run.WriteAsync("DeleteRestApi", new JsonObject { ["restApiId"] = created }, $"removed REST API {created} again: a concurrent deploy created {kept.Id} with the same name", cancellationToken).ConfigureAwait(false);
        return await PutAsync(kept, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the service ignored in the definition (an unsupported method, a skipped model): the user should see it.</summary>
    private void ReportWarnings(Resource? imported)
    {
        if (imported?["warnings"] is { ValueKind: System.Text.Json.JsonValueKind.Array } warnings)
        {
            foreach (var warning in warnings.EnumerateArray())
            {
                run.Log.Warning(PetardWarnings.ImportWarning(Path.GetFileName(definition.Path), warning.ToString()));
            }
        }
    }

    /// <summary>The API is named by the setting, whatever the file's title says (the import names it by the title).</summary>
    private async Task NameAsync(Resource api, CancellationToken cancellationToken)
    {
        if (name is null || api.GetString("name") == name)
        {
            return;
        }

        var restApiId = api.Id!;
        await run.WriteAsync(
            "UpdateRestApi",
            new JsonObject { ["restApiId"] = restApiId, ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/name", ["value"] = name }) },
            $"renamed REST API {restApiId} from '{api.GetString("name")}' to '{name}'",
            cancellationToken).ConfigureAwait(false);
    }
}
