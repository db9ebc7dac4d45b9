using System.Text;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Integrations;

/// <summary>The Lambda proxy integration's event, payload format 1.0, as the service builds it.</summary>
internal static class ProxyEvent
{
    public static JsonObject Build(Invocation invocation, bool binaryBody)
    {
        var request = invocation.Request;
        var context = invocation.Context();
        context.Remove("deploymentId");
        return new JsonObject
        {
            ["resource"] = invocation.ResourcePath,
            ["path"] = request.Path,
            ["httpMethod"] = request.HttpMethod,
            ["headers"] = SingleValues(request.Headers),
            ["multiValueHeaders"] = MultiValues(request.Headers),
            ["queryStringParameters"] = SingleValues(request.Query),
            ["multiValueQueryStringParameters"] = MultiValues(request.Query),
            ["pathParameters"] = Map(invocation.PathParameters),
            ["stageVariables"] = Map(invocation.StageVariables),
            ["requestContext"] = context,
            ["body"] = request.Body.Length == 0 ? null : binaryBody ? Convert.ToBase64String(request.Body) : Encoding.UTF8.GetString(request.Body),
            ["isBase64Encoded"] = binaryBody && request.Body.Length > 0,
        };
    }

    // The service sends null, not an empty object, for a request with none.
    private static JsonObject? SingleValues(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            result[name] = value; // the last value wins, as in the service's single-value view
        }

        return result;
    }

    private static JsonObject? MultiValues(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        pairs.Count == 0
            ? null
            : new JsonObject(pairs.GroupBy(p => p.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)new JsonArray(g.Select(p => (JsonNode?)p.Value).ToArray()))));

    private static JsonObject? Map(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? null : new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
}
