namespace Petard.Local.DataPlane.Integrations;

/// <summary>HTTP and HTTP_PROXY: the prepared call to the endpoint URI; the integration response step maps (or passes) the answer.</summary>
internal sealed class HttpIntegration(BackendClient backend) : IIntegration
{
    public async Task<InvokeResponse> InvokeAsync(Invocation invocation, IntegrationRequest request, CancellationToken cancellationToken)
    {
        using var message = BackendClient.Message(request);
        return await backend.SendAsync(message, BackendClient.TimeoutMillis(invocation), cancellationToken).ConfigureAwait(false);
    }
}
