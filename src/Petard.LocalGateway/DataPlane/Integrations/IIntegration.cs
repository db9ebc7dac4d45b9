namespace Petard.Local.DataPlane.Integrations;

/// <summary>Calls the backend of one integration type and returns its answer, still unmapped.</summary>
internal interface IIntegration
{
    Task<InvokeResponse> InvokeAsync(Invocation invocation, IntegrationRequest request, CancellationToken cancellationToken);
}
