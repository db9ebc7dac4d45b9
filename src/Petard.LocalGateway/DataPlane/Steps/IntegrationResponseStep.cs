using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.DataPlane.Templates;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// The integration response: a proxy integration's answer passes as is; otherwise the integration
/// response whose selection pattern matches the backend's status (else the default one) sets the
/// status, its response parameters the headers, its <c>contentHandling</c> and the binary media
/// types the payload's encoding, and its template, chosen by Accept, the body.
/// </summary>
internal sealed class IntegrationResponseStep : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var backend = invocation.IntegrationResponse!;
        if (invocation.IsProxy)
        {
            invocation.Response = backend;
            return Task.CompletedTask;
        }

        var selected = Select(invocation.Integration["integrationResponses"] as JsonObject ?? [], backend.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw GatewayResponseException.ConfigurationError($"No match for output mapping and no default output mapping configured. Endpoint Response Status Code: {backend.StatusCode}");
        var response = new InvokeResponse(int.Parse(selected["statusCode"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in ParameterMapping.Targets(selected["responseParameters"] as JsonObject, "method.response.header.", invocation))
        {
            response.SetHeader(name, value);
        }

        var backendType = IntegrationRequestStep.MediaType(backend.Header("Content-Type")) ?? "application/json";
        var payload = BinaryMedia.ConvertResponse(invocation, backend, selected["contentHandling"]?.ToString());
        var templates = selected["responseTemplates"] as JsonObject ?? [];
        if (ChooseTemplate(templates, invocation.Request.Header("Accept")) is ({ } contentType, { } template))
        {
            var name = $"response template '{contentType}' of integration response {selected["statusCode"]} of {invocation.Request.HttpMethod} {invocation.ResourcePath}";
            response.Body = Encoding.UTF8.GetBytes(MappingTemplate.Render(name, template, new TemplateData(invocation, payload, backendType)));
            response.SetHeader("Content-Type", contentType);
        }
        else
        {
            response.Body = payload;
            response.SetHeader("Content-Type", backend.Header("Content-Type") ?? "application/json");
        }

        invocation.Response = response;
        return Task.CompletedTask;
    }

    private static JsonObject? Select(JsonObject responses, string status)
    {
        var all = responses.Select(r => r.Value).OfType<JsonObject>().ToList();
        return all.FirstOrDefault(r => r["selectionPattern"]?.ToString() is { Length: > 0 } pattern && Matches(pattern, status))
            ?? all.FirstOrDefault(r => r["selectionPattern"]?.ToString() is null or "");
    }

    // The service matches the whole status against the pattern (a Java-style full match).
    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw GatewayResponseException.ConfigurationError($"The selection pattern '{pattern}' is not a regular expression: {ex.Message}");
        }
    }

    // By the Accept header's media types in order, then application/json, then the first template.
    internal static (string? ContentType, string? Template) ChooseTemplate(JsonObject templates, string? accept)
    {
        if (templates.Count == 0)
        {
            return (null, null);
        }

        var wanted = (accept ?? string.Empty).Split(',').Select(a => IntegrationRequestStep.MediaType(a)).OfType<string>().Append("application/json");
        foreach (var type in wanted)
        {
            var match = templates.FirstOrDefault(t => string.Equals(t.Key, type, StringComparison.OrdinalIgnoreCase));
            if (match.Value is not null)
            {
                return (match.Key, match.Value.ToString());
            }
        }

        var first = templates.First();
        return (first.Key, first.Value?.ToString());
    }
}
