using Microsoft.AspNetCore.Http;
using Petard.Local.DataPlane.Steps;

namespace Petard.Local.DataPlane;

/// <summary>
/// Serves invoke URLs as the service runs a request: parse, then the steps in the order of its
/// diagram (route, method request, integration request, integration, integration response,
/// method response). Every failure becomes the API's gateway response of its type (<see cref="GatewayResponses"/>).
/// </summary>
internal sealed class DataPlaneEndpoint(IReadOnlyList<IInvocationStep> steps, DataPlaneLog log, AccessLog accessLog, TimeProvider time)
{
    /// <summary>What the steps hold in memory (throttle buckets), cleared by a reset.</summary>
    public IEnumerable<State.IVolatileState> VolatileState => steps.OfType<State.IVolatileState>();

    public async Task HandleAsync(HttpContext context, InvokeTarget route)
    {
        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        Invocation? invocation = null;
        try
        {
            var request = await InvokeRequestParser.ParseAsync(context, route, cancellationToken).ConfigureAwait(false);
            invocation = new Invocation(request, requestId, time.GetUtcNow());
            foreach (var step in steps)
            {
                await step.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            await WriteAsync(context.Response, invocation.Response!, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayResponseException error)
        {
            await FailAsync(context, invocation, requestId, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug of the emulator still answers in the service's shape; the log says what happened.
            var error = GatewayResponseException.ConfigurationError($"Petard.LocalGateway failed: {ex.GetType().Name}: {ex.Message}");
            await FailAsync(context, invocation, requestId, error, cancellationToken).ConfigureAwait(false);
        }

        if (invocation is not null)
        {
            accessLog.Write(invocation);
        }
    }

    private async Task FailAsync(HttpContext context, Invocation? invocation, string requestId, GatewayResponseException error, CancellationToken cancellationToken)
    {
        log.Write($"{requestId} Execution failed ({error.ResponseType}, {error.StatusCode}): {error.Detail ?? error.ResponseMessage}");
        if (invocation is not null)
        {
            invocation.Error = error;
        }

        var response = GatewayResponses.Build(invocation, requestId, error);
        if (invocation is not null)
        {
            invocation.Response = response;
        }

        if (!context.Response.HasStarted)
        {
            await WriteAsync(context.Response, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpResponse target, InvokeResponse response, CancellationToken cancellationToken)
    {
        target.StatusCode = response.StatusCode;
        foreach (var group in response.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            target.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        }

        target.ContentLength = response.Body.Length;
        if (response.Body.Length > 0 && !HttpMethods.IsHead(target.HttpContext.Request.Method))
        {
            await target.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}
