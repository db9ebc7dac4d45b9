namespace Petard.Workflows;

/// <summary>Sends an OpenAPI definition: <c>PutRestApi</c> into an API, or <c>ImportRestApi</c> to create one; then names the API as the settings say.</summary>
internal sealed class DefinitionImporter
{
    private readonly OpenApiDefinition definition;
    private readonly string mode;
    private readonly bool? failOnWarnings; // null: left out of the query, as the service's default
    private readonly string? name;

    public DefinitionImporter(WorkflowRun run, OpenApiDefinition definition, string mode, bool failOnWarnings, string? name)
    {
        Run = run;
        this.definition = definition;
        this.mode = mode.Trim().ToLowerInvariant();
        this.failOnWarnings = failOnWarnings ? true : null;
        this.name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    public WorkflowRun Run { get; }

    public static void ValidateMode(string? mode)
    {
        var normalized = mode?.Trim().ToLowerInvariant();
        if (normalized is not (PutModes.Overwrite or PutModes.Merge))
        {
            throw new PetardException(PetardErrorCodes.InvalidInput, $"The put mode '{mode}' is not valid: use '{PutModes.Overwrite}' (the file replaces the API) or '{PutModes.Merge}' (MSBuild: PetardPutMode).");
        }
    }

    public async Task<string> PutAsync(Resource api, CancellationToken cancellationToken)
    {
        var restApiId = api.Id!;
        var result = await Run.WriteAsync(
            "PutRestApi",
            new { restApiId, mode, failOnWarnings, body = definition.Content },
            $"put {Path.GetFileName(definition.Path)} into REST API {restApiId} ({mode})",
            cancellationToken).ConfigureAwait(false);
        await NameAsync(result ?? api, cancellationToken).ConfigureAwait(false);
        return restApiId;
    }

    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var result = await Run.WriteAsync(
            "ImportRestApi",
            new { failOnWarnings, body = definition.Content },
            $"created REST API '{name}' from {Path.GetFileName(definition.Path)}",
            cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return ""; // a dry run: the id is the service's to choose
        }

        await NameAsync(result, cancellationToken).ConfigureAwait(false);
        return result.Id!;
    }

    /// <summary>The API is named by the setting, whatever the file's title says (the import names it by the title).</summary>
    private async Task NameAsync(Resource api, CancellationToken cancellationToken)
    {
        if (name is null || api.GetString("name") == name)
        {
            return;
        }

        var restApiId = api.Id!;
        await Run.WriteAsync(
            "UpdateRestApi",
            new { restApiId, patchOperations = new[] { new { op = "replace", path = "/name", value = name } } },
            $"renamed REST API {restApiId} from '{api.GetString("name")}' to '{name}'",
            cancellationToken).ConfigureAwait(false);
    }
}
