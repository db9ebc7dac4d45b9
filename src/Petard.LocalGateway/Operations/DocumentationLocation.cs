using System.Text.Json.Nodes;

namespace Petard.Local.Operations;

/// <summary>
/// A documentation part's location as the service checks it: which of <c>path</c>, <c>method</c>,
/// <c>statusCode</c> and <c>name</c> each type takes, their defaults (<c>/</c>, <c>*</c>), and
/// that <c>name</c> is given where the type needs one.
/// </summary>
internal static class DocumentationLocation
{
    private const string Path = "path";
    private const string Method = "method";
    private const string StatusCode = "statusCode";
    private const string Name = "name";

    // The fields each type takes; a field not listed must be absent.
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["API"] = [],
        ["AUTHORIZER"] = [Name],
        ["MODEL"] = [Name],
        ["RESOURCE"] = [Path],
        ["METHOD"] = [Path, Method],
        ["PATH_PARAMETER"] = [Path, Method, Name],
        ["QUERY_PARAMETER"] = [Path, Method, Name],
        ["REQUEST_HEADER"] = [Path, Method, Name],
        ["REQUEST_BODY"] = [Path, Method],
        ["RESPONSE"] = [Path, Method, StatusCode],
        ["RESPONSE_HEADER"] = [Path, Method, StatusCode, Name],
        ["RESPONSE_BODY"] = [Path, Method, StatusCode],
    };

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal) { [Path] = "/", [Method] = "*", [StatusCode] = "*" };

    /// <summary>The location as stored: checked, with the service's defaults filled in.</summary>
    public static JsonObject Normalize(JsonNode? location)
    {
        if (location is not JsonObject given || given["type"]?.GetValue<string>() is not { } type)
        {
            throw ServiceErrors.BadRequest("invalidDocumentationLocation", ("reason", "it needs a 'type'."));
        }

        ServiceErrors.CheckEnum("DocumentationPartType", "createDocumentationPartInput.location.type", type);
        var fields = Fields[type];
        var normalized = new JsonObject { ["type"] = type };
        foreach (var field in new[] { Path, Method, StatusCode, Name })
        {
            var value = given[field]?.GetValue<string>();
            if (!fields.Contains(field))
            {
                if (value is not null)
                {
                    throw ServiceErrors.BadRequest("invalidDocumentationLocation", ("reason", $"a {type} location has no '{field}'."));
                }

                continue;
            }

            value ??= Defaults.GetValueOrDefault(field) ?? throw ServiceErrors.BadRequest("invalidDocumentationLocation", ("reason", $"a {type} location needs a '{field}'."));
            normalized[field] = value;
        }

        return normalized;
    }

    /// <summary>Whether two stored locations are the same place.</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
