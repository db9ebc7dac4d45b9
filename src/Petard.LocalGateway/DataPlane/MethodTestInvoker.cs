using Petard.Local.DataPlane.Steps;

namespace Petard.Local.DataPlane;

/// <summary>
/// TestInvokeMethod's way into the data plane: the steps after routing (method request to method
/// response) on an invocation the caller has routed to a method of the current, undeployed
/// resources, as the console's test does (no authorizer, API key or throttle). A failure becomes
/// the answer the data plane would give.
/// </summary>
internal sealed class MethodTestInvoker(IReadOnlyList<IInvocationStep> steps)
{
    public async Task<InvokeResponse> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                await step.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            return invocation.Response!;
        }
        catch (GatewayResponseException error)
        {
            invocation.Error = error;
            var response = new InvokeResponse(error.StatusCode)
            {
                Body = System.Text.Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject { ["message"] = error.ResponseMessage }.ToJsonString()),
            };
            response.SetHeader("Content-Type", "application/json");
            return response;
        }
    }
}
