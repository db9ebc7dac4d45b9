using Petard.Model;

namespace Petard.Local.Http;

/// <summary>
/// Finds the operation of a request by its method and path, from the URI templates of the
/// operation model (the same table the client marshals with), so routing cannot drift from it.
/// </summary>
internal sealed class OperationRouter
{
    private readonly List<OperationDefinition> routes;

    public OperationRouter(OperationModel model)
    {
        routes = model.Operations.Values
            // A literal query (ImportRestApi's "?mode=import") is more specific than its bare twin,
            // and a literal segment more specific than a label.
            .OrderByDescending(o => o.ParsedUri.LiteralQuery.Count)
            .ThenByDescending(o => o.ParsedUri.Segments.Count(s => !s.IsLabel))
            .ToList();
    }

    /// <summary>Matches a request; the labels come back decoded, keyed by their wire names.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="segments">The decoded path segments.</param>
    /// <param name="query">The query parameters.</param>
    public RouteMatch? Match(string method, IReadOnlyList<string> segments, ILookup<string, string> query)
    {
        foreach (var operation in routes)
        {
            var route = operation.ParsedUri;
            if (!string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase)
                || route.Segments.Count != segments.Count
                || !route.LiteralQuery.All(q => query[q.Key].Contains(q.Value, StringComparer.Ordinal)))
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < segments.Count && matched; i++)
            {
                var template = route.Segments[i];
                if (template.IsLabel)
                {
                    matched = segments[i].Length > 0;
                    labels[template.Text] = segments[i];
                }
                else
                {
                    matched = string.Equals(template.Text, segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new RouteMatch(operation, labels, route.LiteralQuery.Select(q => q.Key).ToHashSet(StringComparer.Ordinal));
            }
        }

        return null;
    }
}

/// <summary>A routed request: its operation, URI labels by wire name, and the literal query keys of its template.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Labels">The decoded URI labels.</param>
/// <param name="LiteralQueryKeys">Query keys fixed by the template (not members).</param>
internal sealed record RouteMatch(OperationDefinition Operation, IReadOnlyDictionary<string, string> Labels, IReadOnlySet<string> LiteralQueryKeys);
