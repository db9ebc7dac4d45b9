using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Templates;

/// <summary><c>$input</c>: the body (<c>body</c>, <c>json(path)</c>, <c>path(path)</c>) and the method request's parameters (<c>params()</c>).</summary>
internal sealed class InputVariable(TemplateData data) : IVelocityObject
{
    private readonly string body = Encoding.UTF8.GetString(data.Body);

    public object? Property(string name) => name switch
    {
        "body" => body,
        _ => null,
    };

    public object? Call(string method, IReadOnlyList<object?> arguments, int line) => (method, arguments.Count) switch
    {
        ("json", 1) => JsonPath.Select(Json(line), VelocityValues.Render(arguments[0]), line)?.ToJsonString() ?? "null",
        ("path", 1) => VelocityValues.FromJson(JsonPath.Select(Json(line), VelocityValues.Render(arguments[0]), line)),
        ("params", 0) => AllParameters(),
        ("params", 1) => Parameter(VelocityValues.Render(arguments[0])),
        ("body", 0) => body,
        _ => throw new TemplateException($"$input.{method}() with {arguments.Count} argument(s) is not supported (use body, json('$...'), path('$...'), params() or params('name'))", line),
    };

    private JsonNode? Json(int line)
    {
        if (body.Length == 0)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new TemplateException($"$input reads the body as JSON, but it is not: {ex.Message}", line);
        }
    }

    private IDictionary<string, object?> AllParameters()
    {
        var request = data.Invocation.Request;
        return new Dictionary<string, object?>
        {
            ["path"] = data.Invocation.PathParameters.ToDictionary(p => p.Key, p => (object?)p.Value),
            ["querystring"] = Last(request.Query, StringComparer.Ordinal),
            ["header"] = Last(request.Headers, StringComparer.OrdinalIgnoreCase),
        };
    }

    // Path first, then the query string, then headers: the service's lookup order.
    private string? Parameter(string name)
    {
        var request = data.Invocation.Request;
        return data.Invocation.PathParameters.GetValueOrDefault(name)
            ?? request.Query.LastOrDefault(q => q.Key == name).Value
            ?? request.Header(name);
    }

    private static Dictionary<string, object?> Last(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        var map = new Dictionary<string, object?>(comparer);
        foreach (var (name, value) in pairs)
        {
            map[name] = value;
        }

        return map;
    }
}
