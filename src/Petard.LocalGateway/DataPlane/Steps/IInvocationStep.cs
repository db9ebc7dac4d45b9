namespace Petard.Local.DataPlane.Steps;

/// <summary>One step of the service's request diagram; a failure is a <see cref="GatewayResponseException"/>.</summary>
internal interface IInvocationStep
{
    Task RunAsync(Invocation invocation, CancellationToken cancellationToken);
}
