using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Local.DataPlane.Steps;

namespace Petard.Local.DataPlane;

/// <summary>
/// Serves invoke URLs as the service runs a request: parse, then the steps in the order of its
/// diagram (route, method request, integration request, integration, integration response,
/// method response). Every failure becomes a gateway response: a status and <c>{"message": ...}</c>.
/// </summary>
internal sealed class DataPlaneEndpoint(IReadOnlyList<IInvocationStep> steps, DataPlaneLog log, AccessLog accessLog, TimeProvider time)
{
    private static readonly Dictionary<string, string> ErrorTypes = new(StringComparer.Ordinal)
    {
        ["MISSING_AUTHENTICATION_TOKEN"] = "MissingAuthenticationTokenException",
        ["ACCESS_DENIED"] = "ForbiddenException",
        ["INVALID_API_KEY"] = "ForbiddenException",
        ["BAD_REQUEST_PARAMETERS"] = "BadRequestException",
        ["UNSUPPORTED_MEDIA_TYPE"] = "UnsupportedMediaTypeException",
        ["REQUEST_TOO_LARGE"] = "RequestTooLargeException",
        ["THROTTLED"] = "TooManyRequestsException",
        ["QUOTA_EXCEEDED"] = "LimitExceededException",
    };

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
        var response = new InvokeResponse(error.StatusCode)
        {
            Body = Encoding.UTF8.GetBytes(new JsonObject { ["message"] = error.ResponseMessage }.ToJsonString()),
        };
        response.SetHeader("Content-Type", "application/json");
        response.SetHeader("x-amzn-RequestId", requestId);
        response.SetHeader("x-amzn-ErrorType", ErrorTypes.GetValueOrDefault(error.ResponseType, "InternalServerErrorException"));
        if (invocation is not null)
        {
            invocation.Response = response;
            invocation.ErrorMessage = error.ResponseMessage;
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
