using System.Text.Json.Nodes;
namespace Petard.Workflows;

/// <summary>Finds the REST API a request names, by id or by name (reading every page of the list).</summary>
internal static class RestApiFinder
{
    private const int PageSize = 500; // the service's largest page
    private const int AmbiguityRechecks = 5;
    private static readonly TimeSpan AmbiguityRecheck = TimeSpan.FromSeconds(2);

    /// <summary>The API, or null when no API has the name. An id that does not exist is an error.</summary>
    public static async Task<Resource?> FindAsync(WorkflowRun run, RestApiTarget target, CancellationToken cancellationToken)
    {
        if (target.GivenId is { } restApiId)
        {
            return await run.SendOrNullAsync("GetRestApi", new JsonObject { ["restApiId"] = restApiId }, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(run, target);
        }

        var name = target.GivenName!;
        var matches = await AllNamedAsync(run, name, cancellationToken).ConfigureAwait(false);
        if (Convergence.YoungWait(matches, DateTimeOffset.UtcNow) is { } young && young > TimeSpan.Zero)
        {
            await Task.Delay(young, cancellationToken).ConfigureAwait(false);
            matches = await AllNamedAsync(run, name, cancellationToken).ConfigureAwait(false);
        }

        // Deploys that created the API at the same moment remove their extra copies (Convergence): a busy
        // build machine may take a few seconds to, so look again a few times before calling the name ambiguous.
        for (var recheck = 0; matches.Count > 1 && recheck < AmbiguityRechecks; recheck++)
        {
            await Task.Delay(AmbiguityRecheck, cancellationToken).ConfigureAwait(false);
            matches = await AllNamedAsync(run, name, cancellationToken).ConfigureAwait(false);
        }

        if (matches.Count > 1)
        {
            throw PetardErrors.RestApiAmbiguous(name, matches.Select(m => m.Id));
        }

        if (matches.Count == 1)
        {
            run.Log.Detail($"REST API '{name}' is {matches[0].Id}.");
        }

        return matches.FirstOrDefault();
    }

    /// <summary>Every API with the name (every page).</summary>
    public static async Task<List<Resource>> AllNamedAsync(WorkflowRun run, string name, CancellationToken cancellationToken)
    {
        var matches = new List<Resource>();
        string? position = null;
        do
        {
            var page = await run.SendAsync("GetRestApis", position is null ? new JsonObject { ["limit"] = PageSize } : new JsonObject { ["limit"] = PageSize, ["position"] = position }, cancellationToken).ConfigureAwait(false);
            matches.AddRange(page.Items.Where(api => api.GetString("name") == name));
            position = page.Position == position ? null : page.Position;
        }
        while (position is not null);

        return matches;
    }

    /// <summary>The API, which must exist.</summary>
    public static async Task<Resource> FindExistingAsync(WorkflowRun run, RestApiTarget target, CancellationToken cancellationToken) =>
        await FindAsync(run, target, cancellationToken).ConfigureAwait(false) ?? throw NotFound(run, target);

    public static PetardException NotFound(WorkflowRun run, RestApiTarget target) =>
        target.GivenId is { } id
            ? PetardErrors.RestApiIdNotFound(id, run.Endpoint, run.Region)
            : PetardErrors.RestApiNameNotFound(target.GivenName ?? "", run.Endpoint, run.Region);
}
