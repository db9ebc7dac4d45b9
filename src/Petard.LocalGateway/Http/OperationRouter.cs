using Petard.Model;

namespace Petard.Local.Http;

/// <summary>
/// Finds the operation of a request by its method and path, from the URI templates of the
/// operation model (the same table the client marshals with), so routing cannot drift from it.
/// </summary>
internal sealed class OperationRouter
{
    private readonly List<Route> routes;

    public OperationRouter(OperationModel model)
    {
        routes = model.Operations.Values
            .Select(Route.Parse)
            // A literal query (ImportRestApi's "?mode=import") is more specific than its bare twin,
            // and a literal segment more specific than a label.
            .OrderByDescending(r => r.LiteralQuery.Count)
            .ThenByDescending(r => r.Segments.Count(s => s.Label is null))
            .ToList();
    }

    /// <summary>Matches a request; the labels come back decoded, keyed by their wire names.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="segments">The decoded path segments.</param>
    /// <param name="query">The query parameters.</param>
    public RouteMatch? Match(string method, IReadOnlyList<string> segments, ILookup<string, string> query)
    {
        foreach (var route in routes)
        {
            if (!string.Equals(route.Operation.Method, method, StringComparison.OrdinalIgnoreCase)
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
                if (template.Label is { } label)
                {
                    matched = segments[i].Length > 0;
                    labels[label] = segments[i];
                }
                else
                {
                    matched = string.Equals(template.Literal, segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new RouteMatch(route.Operation, labels, route.LiteralQuery.Select(q => q.Key).ToHashSet(StringComparer.Ordinal));
            }
        }

        return null;
    }

    private sealed record Segment(string? Literal, string? Label);

    private sealed record Route(OperationDefinition Operation, IReadOnlyList<Segment> Segments, IReadOnlyList<KeyValuePair<string, string>> LiteralQuery)
    {
        public static Route Parse(OperationDefinition operation)
        {
            var template = operation.UriTemplate;
            var mark = template.IndexOf('?', StringComparison.Ordinal);
            var path = mark < 0 ? template : template[..mark];
            var literalQuery = mark < 0
                ? []
                : template[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split('=', 2))
                    .Select(kv => new KeyValuePair<string, string>(kv[0], kv.Length > 1 ? kv[1] : string.Empty))
                    .ToList();
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.StartsWith('{') && s.EndsWith('}') ? new Segment(null, s[1..^1].TrimEnd('+')) : new Segment(s, null))
                .ToList();
            return new Route(operation, segments, literalQuery);
        }
    }
}

/// <summary>A routed request: its operation, URI labels by wire name, and the literal query keys of its template.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Labels">The decoded URI labels.</param>
/// <param name="LiteralQueryKeys">Query keys fixed by the template (not members).</param>
internal sealed record RouteMatch(OperationDefinition Operation, IReadOnlyDictionary<string, string> Labels, IReadOnlySet<string> LiteralQueryKeys);
