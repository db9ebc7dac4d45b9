using System.Text.Json.Nodes;
using Petard.Model;
using Petard.Workflows;

namespace Petard.CodeFirst;

/// <summary>
/// The definition's own <c>x-amazon-apigateway-integration</c>s, checked before the first call with
/// the rules the service applies when it imports them (<see cref="ServiceRules.Integrations"/>: the URI
/// each type needs, its HTTP method, role credentials, a VPC link's id), so a mistake is reported at
/// its line in the file instead of as the service's 400 after the import started.
/// </summary>
internal static class DefinitionIntegrations
{
    private const string Extension = "x-amazon-apigateway-integration";
    private static readonly string[] Members = ["uri", "httpMethod", "credentials", "connectionType", "connectionId"];

    /// <summary>Throws PETARD1007 at the first integration the service would refuse.</summary>
    public static void Check(JsonObject root, OpenApiDefinition definition)
    {
        foreach (var (path, item) in root["paths"] as JsonObject ?? [])
        {
            foreach (var (method, operation) in item as JsonObject ?? [])
            {
                if ((operation as JsonObject)?[Extension] is not JsonObject source)
                {
                    continue;
                }

                var integration = new JsonObject { ["type"] = source["type"]?.ToString().ToUpperInvariant() };
                foreach (var member in Members)
                {
                    integration[member] = source[member]?.DeepClone();
                }

                if (ServiceRules.Default.Integrations.Refusal(integration) is { } refusal)
                {
                    // At the member whose value is refused (the uri, the credentials), else at the extension.
                    var member = Members.FirstOrDefault(m => refusal.Value.Length > 0 && source[m] is JsonValue v && v.ToString() == refusal.Value);
                    var pointer = $"/paths/{JsonPointer.Escape(path)}/{method}/{Extension}{(member is null ? "" : "/" + member)}";
                    var why = ServiceRules.Default.Messages.Format(refusal.MessageKey, ("value", refusal.Value));
                    throw PetardErrors.OpenApiFileInvalid(
                        definition.Path,
                        $"API Gateway would refuse the {Extension} of {Verb(method)} {path}: {why}{(refusal.Value.Length > 0 ? $" ('{refusal.Value}')" : "")}",
                        DefinitionLines.Of(definition.Content, pointer));
                }
            }
        }
    }

    private static string Verb(string method) =>
        method == "x-amazon-apigateway-any-method" ? "ANY" : method.ToUpperInvariant();
}
