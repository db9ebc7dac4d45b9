namespace Petard.Workflows;

/// <summary>Every item of a paginated read, through the run (so each page is a recorded call).</summary>
internal static class AllPages
{
    private const int PageSize = 500;

    public static async Task<List<Resource>> ReadAsync(WorkflowRun run, string operation, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var items = new List<Resource>();
        string? position = null;
        do
        {
            var page = await run.SendAsync(operation, new Dictionary<string, object?>(parameters) { ["limit"] = PageSize, ["position"] = position }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            position = page.Position == position ? null : page.Position;
        }
        while (position is not null);

        return items;
    }
}
