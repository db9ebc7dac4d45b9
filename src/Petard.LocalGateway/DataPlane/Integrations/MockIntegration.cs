using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Integrations;

/// <summary>MOCK: no backend; the request template's <c>statusCode</c> is the integration's status, the body is empty.</summary>
internal sealed class MockIntegration : IIntegration
{
    public Task<InvokeResponse> InvokeAsync(Invocation invocation, IntegrationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(StatusCode(request.Body)));

    private static int StatusCode(byte[] body)
    {
        if (body.Length == 0)
        {
            return 200;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject template && template["statusCode"] is JsonValue status
                ? status.TryGetValue(out int code) ? code : int.Parse(status.ToString(), System.Globalization.CultureInfo.InvariantCulture)
                : 200;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException)
        {
            throw GatewayResponseException.ConfigurationError($"MOCK integration: the request template's output is not JSON with a numeric statusCode ({ex.Message}).");
        }
    }
}
