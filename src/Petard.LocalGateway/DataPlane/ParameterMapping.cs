using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>
/// The service's parameter mapping expressions: sources such as <c>method.request.path.id</c>,
/// <c>'static'</c>, <c>stageVariables.name</c>, <c>context.requestId</c>,
/// <c>integration.response.header.X</c> and <c>integration.response.body.field</c>, applied to the
/// targets of <c>requestParameters</c> and <c>responseParameters</c>.
/// </summary>
internal static class ParameterMapping
{
    /// <summary>The mapped values of one target kind, e.g. <c>integration.request.header.</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Targets(JsonObject? mappings, string targetPrefix, Invocation invocation)
    {
        foreach (var (target, source) in mappings ?? [])
        {
            if (target.StartsWith(targetPrefix, StringComparison.Ordinal)
                && source is JsonValue expression
                && Resolve(expression.ToString(), invocation) is { } value)
            {
                yield return KeyValuePair.Create(target[targetPrefix.Length..], value);
            }
        }
    }

    /// <summary>The value of a source expression, or <c>null</c> when the request has none.</summary>
    public static string? Resolve(string expression, Invocation invocation)
    {
        if (expression.Length >= 2 && expression[0] == '\'' && expression[^1] == '\'')
        {
            return expression[1..^1];
        }

        var request = invocation.Request;
        var (kind, name) = Split(expression);
        return kind switch
        {
            "method.request.path" => invocation.PathParameters.GetValueOrDefault(name),
            "method.request.querystring" => request.Query.LastOrDefault(q => q.Key == name).Value,
            "method.request.multivaluequerystring" => Join(request.Query.Where(q => q.Key == name)),
            "method.request.header" => request.Header(name),
            "method.request.multivalueheader" => Join(request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))),
            "stageVariables" => invocation.StageVariables.GetValueOrDefault(name),
            "context" => Walk(invocation.Context(), name),
            "integration.response.header" => invocation.IntegrationResponse?.Header(name),
            "integration.response.multivalueheader" => invocation.IntegrationResponse is { } r ? Join(r.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))) : null,
            _ when expression == "integration.response.body" => Body(invocation),
            _ when expression.StartsWith("integration.response.body.", StringComparison.Ordinal) => BodyField(invocation, expression["integration.response.body.".Length..]),
            _ => null,
        };
    }

    private static (string Kind, string Name) Split(string expression)
    {
        foreach (var kind in new[]
        {
            "method.request.path", "method.request.querystring", "method.request.multivaluequerystring", "method.request.header",
            "method.request.multivalueheader", "stageVariables", "context", "integration.response.header", "integration.response.multivalueheader",
        })
        {
            if (expression.StartsWith(kind + ".", StringComparison.Ordinal))
            {
                return (kind, expression[(kind.Length + 1)..]);
            }
        }

        return (string.Empty, string.Empty);
    }

    private static string? Join(IEnumerable<KeyValuePair<string, string>> values)
    {
        var list = values.Select(v => v.Value).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    private static string? Body(Invocation invocation) =>
        invocation.IntegrationResponse is { } response ? Encoding.UTF8.GetString(response.Body) : null;

    private static string? BodyField(Invocation invocation, string path)
    {
        try
        {
            return Body(invocation) is { } body ? Walk(JsonNode.Parse(body), path) : null;
        }
        catch (JsonException)
        {
            return null; // the service maps nothing from a body that is not JSON
        }
    }

    private static string? Walk(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => node.ToJsonString(),
        };
    }
}
