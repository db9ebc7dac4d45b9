using System.Diagnostics;
using Petard.Local.DataPlane.Integrations;

namespace Petard.Local.DataPlane.Steps;

/// <summary>The integration: hands the prepared call to the backend of the integration's type.</summary>
internal sealed class IntegrationStep(IReadOnlyDictionary<string, IIntegration> integrations) : IInvocationStep
{
    public async Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var integration = integrations.GetValueOrDefault(invocation.IntegrationType)
            ?? throw GatewayResponseException.ConfigurationError($"Unknown integration type '{invocation.IntegrationType}'.");
        var started = Stopwatch.GetTimestamp();
        invocation.IntegrationResponse = await integration.InvokeAsync(invocation, invocation.IntegrationRequest!, cancellationToken).ConfigureAwait(false);
        invocation.IntegrationLatency = Stopwatch.GetElapsedTime(started);
    }
}
