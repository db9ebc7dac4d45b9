namespace Petard.Local.DataPlane.Authorizers;

/// <summary>The values of an authorizer's identity sources in a request (<c>method.request.header.X</c>, query, stage variables, context).</summary>
internal static class AuthorizerIdentity
{
    public static List<(string Source, string? Value)> Read(System.Text.Json.Nodes.JsonObject authorizer, Invocation invocation) =>
        (authorizer["identitySource"]?.ToString() ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(source => (source, ParameterMapping.Resolve(source, invocation)))
            .ToList();

}
