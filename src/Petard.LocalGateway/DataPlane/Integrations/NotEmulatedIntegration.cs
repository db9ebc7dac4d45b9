namespace Petard.Local.DataPlane.Integrations;

/// <summary>AWS service integrations (type <c>AWS</c>): a 500 that says they are not emulated, rather than a guess.</summary>
internal sealed class NotEmulatedIntegration : IIntegration
{
    public Task<InvokeResponse> InvokeAsync(Invocation invocation, IntegrationRequest request, CancellationToken cancellationToken) =>
        throw new GatewayResponseException(
            "API_CONFIGURATION_ERROR",
            500,
            $"Internal server error: Petard.LocalGateway does not emulate {invocation.IntegrationType} integrations ({request.Uri}); use MOCK, HTTP, HTTP_PROXY or AWS_PROXY.");
}
