namespace Petard.Workflows;

/// <summary>Finds the REST API a request names, by id or by name (reading every page of the list).</summary>
internal static class RestApiFinder
{
    private const int PageSize = 500; // the service's largest page

    public static void Validate(ResolveRestApiRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RestApiId) && string.IsNullOrWhiteSpace(request.RestApiName))
        {
            throw new PetardException(PetardErrorCodes.MissingRestApi, "No REST API is named: set its id (MSBuild: PetardRestApiId) or its name (MSBuild: PetardRestApiName).");
        }
    }

    /// <summary>The API, or null when no API has the name. An id that does not exist is an error.</summary>
    public static async Task<Resource?> FindAsync(WorkflowRun run, ResolveRestApiRequest request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.RestApiId))
        {
            var restApiId = request.RestApiId.Trim();
            return await run.ReadOrNullAsync("GetRestApi", new { restApiId }, cancellationToken).ConfigureAwait(false)
                ?? throw new PetardException(PetardErrorCodes.RestApiNotFound, $"No REST API has the id '{restApiId}'. Check the id (MSBuild: PetardRestApiId), the region and the account; 'aws apigateway get-rest-apis' lists them.");
        }

        var name = request.RestApiName!.Trim();
        var matches = new List<Resource>();
        string? position = null;
        do
        {
            var page = await run.ReadAsync("GetRestApis", position is null ? new { limit = PageSize } : new { limit = PageSize, position }, cancellationToken).ConfigureAwait(false);
            matches.AddRange(page.Items.Where(api => api.GetString("name") == name));
            position = page.Position == position ? null : page.Position;
        }
        while (position is not null);

        if (matches.Count > 1)
        {
            throw new PetardException(PetardErrorCodes.RestApiAmbiguous, $"{matches.Count} REST APIs are named '{name}' (ids {string.Join(", ", matches.Select(m => m.Id))}). Name the one to deploy by its id (MSBuild: PetardRestApiId), or rename the others.");
        }

        if (matches.Count == 1)
        {
            run.Log.Detail($"REST API '{name}' is {matches[0].Id}.");
        }

        return matches.FirstOrDefault();
    }

    public static PetardException NotFound(ResolveRestApiRequest request, PetardClient client) =>
        !string.IsNullOrWhiteSpace(request.RestApiId)
            ? new PetardException(PetardErrorCodes.RestApiNotFound, $"No REST API has the id '{request.RestApiId}' at {client.Endpoint} ({client.Region}). Check the id (MSBuild: PetardRestApiId), the region and the account.")
            : new PetardException(PetardErrorCodes.RestApiNotFound, $"No REST API is named '{request.RestApiName}' at {client.Endpoint} ({client.Region}). Check the name (MSBuild: PetardRestApiName) and the region, or give an OpenAPI file (MSBuild: PetardOpenApiFile) with creation on (PetardCreateRestApi=true) to create it.");
}
