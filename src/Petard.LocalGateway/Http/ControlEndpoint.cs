using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Local.Faults;
using Petard.Local.State;

namespace Petard.Local.Http;

/// <summary>
/// The emulator's own endpoint under <c>/_petard/</c>, outside API Gateway's path space: script
/// faults, read or clear the call log, read or reset the state. For tests in other processes.
/// </summary>
/// <remarks>
/// <c>POST /_petard/faults</c> <c>{"operation":"CreateDeployment","kind":"Throttle","count":5,"retryAfterSeconds":1,"latencyMilliseconds":0}</c>,
/// <c>DELETE /_petard/faults</c>, <c>GET|DELETE /_petard/calls</c>, <c>GET|DELETE /_petard/state</c> (a reset is written to the state file, if any, and clears what the emulator holds in memory beside the state: usage counts, authorizer results, throttle buckets, operation quotas).
/// </remarks>
internal sealed class ControlEndpoint(FaultInjector faults, CallLog calls, GatewayState state, StateFile? stateFile = null, RequestLog? log = null, IReadOnlyList<IVolatileState>? memory = null)
{
    private const int MaxRuleBytes = 64 * 1024;
    private const double MaxLatencyMilliseconds = 24 * 60 * 60 * 1000;

    private readonly RequestLog log = log ?? RequestLog.Silent;

    public Task HandleAsync(HttpContext context) => RequestGuard.RunAsync(context, log, async (_, cancellationToken) =>
    {
        var answer = await RouteAsync(context.Request, cancellationToken).ConfigureAwait(false);
        await ResponseWriter.WriteJsonAsync(context.Response, 200, answer, cancellationToken).ConfigureAwait(false);
    });

    private async Task<JsonNode> RouteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var path = request.Path.Value!.TrimEnd('/');
        switch (request.Method, path)
        {
            case ("POST", "/_petard/faults"):
                faults.Add(await ReadRuleAsync(request, cancellationToken).ConfigureAwait(false));
                return ListFaults();
            case ("GET", "/_petard/faults"):
                return ListFaults();
            case ("DELETE", "/_petard/faults"):
                faults.Clear();
                return ListFaults();
            case ("GET", "/_petard/calls"):
                return new JsonObject { ["calls"] = new JsonArray(calls.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()) };
            case ("DELETE", "/_petard/calls"):
                calls.Clear();
                return new JsonObject { ["calls"] = new JsonArray() };
            case ("GET", "/_petard/state"):
                lock (state.Gate)
                {
                    return state.Snapshot();
                }

            case ("DELETE", "/_petard/state"):
                return Reset();

            default:
                throw new GatewayException(404, "UnknownOperationException", $"No control operation {request.Method} {path}. Use POST|GET|DELETE /_petard/faults, GET|DELETE /_petard/calls or GET|DELETE /_petard/state.");
        }
    }

    // The reset persists as a new snapshot of the empty state, or nothing changes; only then is the
    // memory beside the state cleared, so a failed reset leaves the emulator as it was.
    private JsonObject Reset()
    {
        lock (state.Gate)
        {
            var before = state.Snapshot();
            state.Reset();
            try
            {
                stateFile?.Compact(state); // a snapshot of the empty state, and an empty journal
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                state.Restore(before);
                throw new GatewayException(500, "InternalServerErrorException", $"Petard.LocalGateway could not write its state file '{stateFile!.Path}': {ex.Message}. The state was not reset.");
            }

            foreach (var held in memory ?? [])
            {
                held.Clear();
            }

            return state.Snapshot();
        }
    }

    private JsonObject ListFaults() => new()
    {
        ["faults"] = new JsonArray(faults.Active.Select(r => (JsonNode)new JsonObject
        {
            ["operation"] = r.Operation,
            ["kind"] = r.Kind.ToString(),
            ["remaining"] = r.Remaining,
            ["retryAfterSeconds"] = r.RetryAfterSeconds,
            ["latencyMilliseconds"] = r.Latency.TotalMilliseconds,
        }).ToArray()),
    };

    // A test never needs to wait longer than a day; beyond TimeSpan's range the conversion would throw.
    private static TimeSpan Latency(double milliseconds) =>
        milliseconds is >= 0 and <= MaxLatencyMilliseconds
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw GatewayException.BadRequest($"Invalid fault rule: 'latencyMilliseconds' is {milliseconds.ToString(CultureInfo.InvariantCulture)}; use 0 to {MaxLatencyMilliseconds.ToString(CultureInfo.InvariantCulture)} (one day).");

    private static async Task<FaultRule> ReadRuleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestReader.ReadBodyAsync(request, "The fault rule", MaxRuleBytes, cancellationToken).ConfigureAwait(false);
        if (StrictJson.Parse(body, "The fault rule") is not JsonObject rule)
        {
            throw GatewayException.BadRequest("Send a fault rule as a JSON object.");
        }

        try
        {
            var operation = rule["operation"]?.GetValue<string>() ?? throw GatewayException.BadRequest("The fault rule needs an 'operation' (an official name, or '*').");
            var kindText = rule["kind"]?.GetValue<string>() ?? string.Empty;
            if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw GatewayException.BadRequest($"Unknown fault kind '{kindText}': use {string.Join(", ", Enum.GetNames<FaultKind>())}.");
            }

            var latency = rule["latencyMilliseconds"] is { } ms ? Latency(ms.GetValue<double>()) : (TimeSpan?)null;
            return new FaultRule(operation, kind, rule["count"]?.GetValue<int>() ?? 1, rule["retryAfterSeconds"]?.GetValue<int>() ?? 1, latency);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw GatewayException.BadRequest($"Invalid fault rule: {ex.Message}");
        }
    }
}
