using System.Text.Json.Nodes;
using Petard.Local.Operations;

namespace Petard.Local.OpenApi;

/// <summary>
/// The warnings the service's OpenAPI parser reports about the document itself, in its words
/// ("Parse issue: attribute paaths is unexpected", "Parse issue: attribute paths is missing"):
/// top-level attributes OpenAPI does not define, a missing <c>paths</c>, more than one server.
/// They do not stop an import; with <c>failOnWarnings=true</c> they fail it, as every warning does.
/// </summary>
internal static class OpenApiParseIssues
{
    private static readonly HashSet<string> OpenApi3Fields = new(StringComparer.Ordinal)
    {
        "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs",
    };

    private static readonly HashSet<string> Swagger2Fields = new(StringComparer.Ordinal)
    {
        "swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths", "definitions",
        "parameters", "responses", "securityDefinitions", "security", "tags", "externalDocs",
    };

    /// <summary>The document-level warnings, in the order the service's parser lists them (unexpected, then missing).</summary>
    public static IEnumerable<string> Of(JsonObject definition)
    {
        var fields = OpenApiDocument.IsSwagger(definition) ? Swagger2Fields : OpenApi3Fields;
        foreach (var (key, _) in definition)
        {
            if (!fields.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
            {
                yield return ServiceErrors.Message("parseIssueUnexpected", ("attribute", key));
            }
        }

        if (definition["paths"] is null)
        {
            yield return ServiceErrors.Message("parseIssueMissing", ("attribute", "paths"));
        }

        if (definition["servers"] is JsonArray { Count: > 1 })
        {
            yield return ServiceErrors.Message("moreThanOneServer");
        }
    }

    /// <summary>The warning for a schema reference (<c>#/components/schemas/Name</c>) that names no model of the document.</summary>
    /// <param name="where">Where the reference is, as the parser locates it: <c>paths.'/pets'(post).requestBody.content.application/json.schema</c>.</param>
    /// <param name="reference">The reference as written.</param>
    public static string MissingReference(string where, string reference) =>
        ServiceErrors.Message("parseIssueMissing", ("attribute", $"{where}.{reference}"));
}
