using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Petard.Local.Http;

/// <summary>
/// Runs one control-plane request so that whatever goes wrong is answered in the service's error
/// form: a <see cref="GatewayException"/> as itself, anything unexpected as a 500
/// InternalServerErrorException with its message (and its cause in the log), never an empty 500.
/// Logs every request.
/// </summary>
internal static class RequestGuard
{
    public static async Task RunAsync(HttpContext context, RequestLog log, Func<RequestName, CancellationToken, Task> handle)
    {
        var started = Stopwatch.GetTimestamp();
        var name = new RequestName($"{context.Request.Method} {context.Request.Path}");
        var cancellationToken = context.RequestAborted;
        try
        {
            await handle(name, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException error)
        {
            if (error.StatusCode >= 500)
            {
                log.Failed(name.Operation, error.StatusCode, error);
            }

            await AnswerAsync(context, error, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await AnswerAsync(context, GatewayException.BadRequest($"The request could not be read: {ex.Message}"), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // the point of this guard: no failure may leave as an empty 500
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var error = new GatewayException(500, "InternalServerErrorException", $"Petard.LocalGateway failed on {name.Operation} ({ex.GetType().Name}: {ex.Message}). Nothing was changed. This is a bug of the emulator; its log has the cause.");
            log.Failed(name.Operation, error.StatusCode, ex);
            await AnswerAsync(context, error, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            log.Answered(name.Operation, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private static Task AnswerAsync(HttpContext context, GatewayException error, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            context.Abort(); // half an answer sent: cutting it off is the only honest end
            return Task.CompletedTask;
        }

        context.Response.Clear();
        return ResponseWriter.WriteErrorAsync(context.Response, error, cancellationToken);
    }
}

/// <summary>What the log calls a request: its method and path until it is routed, then its operation.</summary>
/// <param name="operation">The name before routing.</param>
internal sealed class RequestName(string operation)
{
    public string Operation { get; set; } = operation;
}
