namespace Petard.Local.DataPlane.Steps;

/// <summary>The method response: the headers the service adds to every answer it sends back.</summary>
internal sealed class MethodResponseStep : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var response = invocation.Response!;
        response.SetHeader("x-amzn-RequestId", invocation.RequestId);
        if (response.Header("Content-Type") is null && response.Body.Length > 0)
        {
            response.SetHeader("Content-Type", "application/json");
        }

        return Task.CompletedTask;
    }
}
