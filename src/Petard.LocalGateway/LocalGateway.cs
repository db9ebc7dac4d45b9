using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Petard.Local.DataPlane;
using Petard.Local.DataPlane.Authorizers;
using Petard.Local.DataPlane.Integrations;
using Petard.Local.Faults;
using Petard.Local.Http;
using Petard.Local.Operations;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local;

/// <summary>
/// A local, wire-compatible emulator of the API Gateway control plane (REST APIs, 2015-07-09),
/// listening on 127.0.0.1 only. Point any AWS client at <see cref="Url"/>. Deployed stages answer
/// at their invoke URLs, <c>{Url}restapis/{id}/{stage}/_user_request_/{path}</c>.
/// </summary>
/// <example>
/// <code>
/// await using var gateway = await LocalGateway.StartAsync();
/// using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url });
/// </code>
/// </example>
public sealed class LocalGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly GatewayState state;
    private readonly StateFile? stateFile;
    private readonly HttpClient backends;

    private LocalGateway(WebApplication app, GatewayState state, StateFile? stateFile, HttpClient backends, string url, CallLog calls, FaultInjector faults)
    {
        this.app = app;
        this.state = state;
        this.stateFile = stateFile;
        this.backends = backends;
        Url = url;
        Calls = calls;
        Faults = faults;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:4567/</c>.</summary>
    public string Url { get; }

    /// <summary>The operations received, in order.</summary>
    public CallLog Calls { get; }

    /// <summary>The scripted faults.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">Port, state file, signature verification, quotas.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="InvalidDataException">The state file exists but cannot be read.</exception>
    public static async Task<LocalGateway> StartAsync(LocalGatewayOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalGatewayOptions();
        var stateFile = options.StateFile is null ? null : new StateFile(options.StateFile);
        var state = stateFile?.Load() ?? new GatewayState();
        var calls = new CallLog();
        var faults = new FaultInjector();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            // The pipeline enforces the service's own body limits with a clear message.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();

        var backends = BackendClient.CreateHttpClient();
        var log = new RequestLog(options.ControlPlaneLog);
        var authorizerCache = new AuthorizerCache(TimeProvider.System); // the data plane's, flushed by FlushStageAuthorizersCache
        var usage = new UsageLedger(TimeProvider.System); // counted by the data plane, reported by GetUsage
        var quotas = options.CreateDeploymentInterval is { } interval ? Quotas(interval) : null;
        var pipeline = new GatewayPipeline(
            new OperationRouter(OperationModel.Default),
            OperationTable.CreateDefault(options.Region, DataPlaneSetup.CreateTestInvokers(options, backends), authorizerCache, usage),
            state,
            stateFile,
            options.VerifySignatures is { } key ? new SignatureVerifier(key) : null,
            calls,
            faults,
            quotas,
            log);
        var dataPlane = DataPlaneSetup.Create(state, options, backends, authorizerCache, usage);
        IVolatileState[] memory = [usage, authorizerCache, .. dataPlane.VolatileState, .. quotas is null ? [] : new IVolatileState[] { quotas }];
        var control = new ControlEndpoint(faults, calls, state, stateFile, log, memory);
        app.Run(context => context.Request.Path.StartsWithSegments("/_petard", StringComparison.Ordinal)
            ? control.HandleAsync(context)
            : (InvokeTarget.FromInvokePath(InvokeRequestParser.RawTarget(context)) ?? CustomDomainRoute.Find(state, context.Request.Host.Host, InvokeRequestParser.RawTarget(context))) is { } route
                ? dataPlane.HandleAsync(context, route)
                : pipeline.HandleAsync(context));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalGateway(app, state, stateFile, backends, address.TrimEnd('/') + "/", calls, faults);
    }

    private static OperationQuotas Quotas(TimeSpan createDeploymentInterval) =>
        new(ServiceRules.Default.OperationQuotas.Values, TimeProvider.System, new Dictionary<string, TimeSpan> { ["CreateDeployment"] = createDeploymentInterval });

    /// <summary>A deep copy of the whole state, in the service's representation.</summary>
    public JsonObject Snapshot()
    {
        lock (state.Gate)
        {
            return state.Snapshot();
        }
    }

    /// <summary>Replaces the state with a snapshot <see cref="Snapshot"/> took, as a suite that replays a fixture would; what the emulator holds beside the state stays.</summary>
    /// <param name="snapshot">The snapshot (copied).</param>
    internal void Restore(JsonObject snapshot)
    {
        lock (state.Gate)
        {
            state.Restore((JsonObject)snapshot.DeepClone());
        }
    }

    /// <summary>Stops listening; requests in flight get a moment to finish.</summary>
    /// <param name="cancellationToken">Ends the graceful wait early.</param>
    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
        backends.Dispose();
        FoldJournal();
    }

    /// <summary>A clean stop leaves the whole state in the state file alone (its journal folded in), for people who read it.</summary>
    private void FoldJournal()
    {
        if (stateFile is null)
        {
            return;
        }

        lock (state.Gate)
        {
            try
            {
                stateFile.Compact(state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The journal keeps every change; the next start folds it in.
            }
        }
    }
}
