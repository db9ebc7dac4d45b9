using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Petard.Local.Faults;
using Petard.Local.Operations;
using Petard.Local.State;

namespace Petard.Local.Http;

/// <summary>
/// One request, start to end: authenticate, route by the operation model, log, inject faults,
/// read and check the input, run the operation under the state's lock, persist, answer. Every
/// failure becomes the service's error form; state changes only when the operation succeeded.
/// </summary>
internal sealed class GatewayPipeline(
    OperationRouter router,
    OperationTable operations,
    GatewayState state,
    StateFile? stateFile,
    SignatureVerifier? verifier,
    CallLog calls,
    FaultInjector faults,
    OperationQuotas? quotas,
    RequestLog? log = null)
{
    private readonly RequestLog log = log ?? RequestLog.Silent;

    public Task HandleAsync(HttpContext context) => RequestGuard.RunAsync(context, log, (name, cancellationToken) => AnswerAsync(context, name, cancellationToken));

    private async Task AnswerAsync(HttpContext context, RequestName name, CancellationToken cancellationToken)
    {
        var result = await RunAsync(context, name, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return;
        }

        var (status, answer) = result.Value;
        if (answer.Blob is not null)
        {
            await ResponseWriter.WriteBlobAsync(context.Response, status, answer.Blob, answer.ContentType ?? "application/octet-stream", answer.ContentDisposition, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ResponseWriter.WriteJsonAsync(context.Response, status, answer.Json, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(int Status, OperationResult Answer)?> RunAsync(HttpContext context, RequestName name, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var authorization = SigV4Authorization.Parse(request.Headers.Authorization);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var path = target.Split('?', 2)[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))).ToLookup(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var route = router.Match(request.Method, segments, query)
            ?? throw new GatewayException(404, "UnknownOperationException", $"No API Gateway operation matches {request.Method} {path}. Check the path and method against the API reference.");
        var operation = route.Operation;
        name.Operation = operation.Name;
        var body = await RequestReader.ReadBodyAsync(request, operation, cancellationToken).ConfigureAwait(false);
        verifier?.Verify(request, authorization, body);
        calls.Add(operation.Name);
        if (!await ApplyFaultsAsync(context, operation.Name, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var input = RequestReader.Read(request, route, body);
        var handler = operations.Find(operation.Name);
        var asyncHandler = handler is null ? operations.FindAsync(operation.Name) : null;
        if (handler is null && asyncHandler is null)
        {
            throw GatewayException.BadRequest($"{operation.Name} is not implemented by Petard.LocalGateway (a local emulator). It implements: {string.Join(", ", operations.Names.Order(StringComparer.Ordinal))}.");
        }

        quotas?.Acquire(operation.Name);
        return asyncHandler is not null
            ? (operation.SuccessStatusCode, await asyncHandler(input, state, cancellationToken).ConfigureAwait(false))
            : (operation.SuccessStatusCode, Execute(handler!, input, mutating: !operation.IsReadOnly));
    }

    /// <summary>Delays or fails the call as scripted; <c>false</c> when the connection was dropped.</summary>
    private async Task<bool> ApplyFaultsAsync(HttpContext context, string operation, CancellationToken cancellationToken)
    {
        var (delay, fault) = faults.Take(operation);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        switch (fault?.Kind)
        {
            case FaultKind.Throttle:
                throw GatewayException.TooManyRequests(fault.RetryAfterSeconds);
            case FaultKind.ServiceUnavailable:
                throw new GatewayException(503, "ServiceUnavailableException", "Service Unavailable (injected by Petard.LocalGateway)");
            case FaultKind.Conflict:
                throw GatewayException.Conflict("Unable to complete operation due to concurrent modification. Please try again later.");
            case FaultKind.DropConnection:
                context.Abort();
                return false;
            default:
                return true;
        }
    }

    private OperationResult Execute(OperationHandler handler, OperationInput input, bool mutating)
    {
        lock (state.Gate)
        {
            if (!mutating)
            {
                return handler(input, state);
            }

            var change = StateChange.Begin(state, input.String("restApiId") ?? RestApiOfArn(input.String("resourceArn")));
            try
            {
                var result = handler(input, state);
                Save(change);
                return result;
            }
            catch
            {
                change.Undo(); // an operation that failed half-way leaves nothing behind
                throw;
            }
        }
    }

    // Tag operations name their resource by ARN (arn:aws:apigateway:REGION::/restapis/ID/...): the API they change is in it.
    private static string? RestApiOfArn(string? arn)
    {
        const string marker = "::/restapis/";
        var at = arn?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var rest = arn![(at + marker.Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    private void Save(StateChange change)
    {
        try
        {
            stateFile?.Record(state, change.Edits());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GatewayException(500, "InternalServerErrorException", $"Petard.LocalGateway could not write its state file '{stateFile!.Path}': {ex.Message}. The change was not made.");
        }
    }
}
