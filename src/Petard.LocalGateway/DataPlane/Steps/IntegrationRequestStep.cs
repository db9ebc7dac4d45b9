using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.DataPlane.Templates;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// The integration request: the endpoint URI with stage variables and path parameters substituted,
/// mapped parameters, and the body — forwarded as is for proxy integrations, else converted by
/// <c>contentHandling</c> and, when it is text, through the request template chosen by content type
/// and the passthrough behaviour.
/// </summary>
internal sealed partial class IntegrationRequestStep : IInvocationStep
{
    // Hop-by-hop headers, and Host, belong to one connection and are never forwarded.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length",
    };

    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var integration = invocation.Integration;
        var request = invocation.Request;
        var mappings = integration["requestParameters"] as JsonObject;
        var integrationMethod = integration["httpMethod"]?.GetValue<string>() ?? request.HttpMethod;
        var call = new IntegrationRequest
        {
            HttpMethod = integrationMethod == "ANY" ? request.HttpMethod : integrationMethod,
            Uri = Uri(integration["uri"]?.GetValue<string>() ?? string.Empty, ParameterMapping.Targets(mappings, "integration.request.path.", invocation).ToList(), invocation),
        };

        if (invocation.IsProxy)
        {
            call.Query.AddRange(request.Query);
            call.Headers.AddRange(request.Headers.Where(h => !NotForwarded.Contains(h.Key)));
            call.Body = request.Body;
        }
        else
        {
            call.Body = Body(invocation, integration);
        }

        Replace(call.Query, ParameterMapping.Targets(mappings, "integration.request.querystring.", invocation));
        Replace(call.Headers, ParameterMapping.Targets(mappings, "integration.request.header.", invocation));
        invocation.IntegrationRequest = call;
        return Task.CompletedTask;
    }

    private static byte[] Body(Invocation invocation, JsonObject integration)
    {
        var request = invocation.Request;
        var (payload, isBinary) = BinaryMedia.ConvertRequest(invocation, integration["contentHandling"]?.ToString());
        if (isBinary)
        {
            return payload; // the service maps no template over binary data
        }

        var templates = integration["requestTemplates"] as JsonObject ?? [];
        var contentType = MediaType(request.ContentType) ?? "application/json";
        var template = templates.FirstOrDefault(t => string.Equals(t.Key, contentType, StringComparison.OrdinalIgnoreCase)).Value;
        if (template is null)
        {
            var behavior = integration["passthroughBehavior"]?.GetValue<string>() ?? "WHEN_NO_MATCH";
            if (behavior == "NEVER" || (behavior == "WHEN_NO_TEMPLATES" && templates.Count > 0))
            {
                throw GatewayResponseException.UnsupportedMediaType($"No request template for content type '{contentType}' and passthrough behavior {behavior}.");
            }

            return payload;
        }

        var text = template.GetValue<string>();
        var name = $"request template '{contentType}' of {request.HttpMethod} {invocation.ResourcePath}";
        return Encoding.UTF8.GetBytes(MappingTemplate.Render(name, text, new TemplateData(invocation, payload, contentType)));
    }

    /// <summary>The media type without parameters: <c>application/json; charset=utf-8</c> selects <c>application/json</c>.</summary>
    public static string? MediaType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null : contentType.Split(';')[0].Trim();

    private static string Uri(string template, IReadOnlyList<KeyValuePair<string, string>> mappedPath, Invocation invocation)
    {
        var withVariables = StageVariableReference().Replace(template, m => invocation.StageVariables.GetValueOrDefault(m.Groups[1].Value, string.Empty));
        return PathParameterReference().Replace(withVariables, m =>
        {
            var name = m.Groups[1].Value;
            // Mapped path parameters win; an unmapped {name} takes the method's own path parameter,
            // which spares the mapping every proxy definition repeats.
            var value = mappedPath.LastOrDefault(p => p.Key == name).Value ?? invocation.PathParameters.GetValueOrDefault(name);
            return value is null ? m.Value : string.Join('/', value.Split('/').Select(System.Uri.EscapeDataString));
        });
    }

    private static void Replace(List<KeyValuePair<string, string>> target, IEnumerable<KeyValuePair<string, string>> mapped)
    {
        foreach (var (name, value) in mapped)
        {
            target.RemoveAll(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase));
            target.Add(KeyValuePair.Create(name, value));
        }
    }

    [GeneratedRegex(@"\$\{stageVariables\.([A-Za-z0-9_]+)\}")]
    private static partial Regex StageVariableReference();

    [GeneratedRegex(@"\{([A-Za-z0-9._-]+)\+?\}")]
    private static partial Regex PathParameterReference();
}
