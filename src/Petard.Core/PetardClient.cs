using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime.Signing;
using Petard.Configuration;
using Petard.Execution;
using Petard.Model;

namespace Petard;

/// <summary>
/// A client for Amazon API Gateway (REST APIs, 2015-07-09) that runs any operation of its model by
/// name. Results come back as <see cref="Resource"/>s over the JSON the service sent. Thread-safe;
/// create one per endpoint and reuse it.
/// </summary>
public sealed partial class PetardClient : IDisposable
{
    /// <summary>The signing name of the service.</summary>
    public const string ServiceName = "apigateway";

    private readonly HttpClient http;
    private readonly OperationExecutor executor;

    private PetardClient(ClientConfiguration configuration, PetardClientOptions options)
    {
        Region = configuration.Region;
        Endpoint = configuration.Endpoint;
        var inner = options.HttpMessageHandler ?? ClientHttpHandler.Create();
        var region = RegionEndpoint.GetBySystemName(configuration.Region);
        Execution.WarmUp.Start(region);
        var signer = new SigningHandler(configuration.Credentials, region, inner);
        http = new HttpClient(signer, disposeHandler: options.HttpMessageHandler is null || options.DisposeHttpMessageHandler)
        {
            Timeout = Timeout.InfiniteTimeSpan, // per-attempt and total timeouts are the executor's
        };
        executor = new OperationExecutor(http, Endpoint, new RetryPolicy(options.Retry), new RequestPacer(Endpoint, options.Pacing, EndpointResolver.IsLoopback(Endpoint)));
    }

    /// <summary>The region the client signs for.</summary>
    public string Region { get; }

    /// <summary>The endpoint the client sends to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether the endpoint is a local emulator on loopback.</summary>
    public bool IsLocalEndpoint => EndpointResolver.IsLoopback(Endpoint);

    /// <summary>Every operation the client can run, from its embedded model.</summary>
    public static IReadOnlyDictionary<string, OperationDefinition> Operations => OperationModel.Default.Operations;

    /// <summary>
    /// Starts, on another core, the work a process pays once before its first call (.NET's HTTP stack
    /// and the signer's first use), so that a client created later answers its first call sooner.
    /// <see cref="Create"/> starts it too; call this earlier when the process has other work to do
    /// first (a build, before its up-to-date checks). Nothing leaves the process and no credentials are read.
    /// </summary>
    public static void WarmUp() => Execution.WarmUp.Start(RegionEndpoint.USEast1);

    /// <summary>Creates a client; unset options follow the AWS conventions.</summary>
    /// <param name="options">Profile, region, endpoint, credentials, retries, HTTP handler.</param>
    /// <exception cref="PetardException">No region, an unknown profile, no credentials, or an unsafe endpoint.</exception>
    public static PetardClient Create(PetardClientOptions? options = null)
    {
        options ??= new PetardClientOptions();
        return new PetardClient(ClientConfiguration.Resolve(options, Environment.GetEnvironmentVariable), options);
    }

    /// <summary>Runs an operation by its official name.</summary>
    /// <param name="operation">The official name, e.g. <c>CreateDeployment</c>.</param>
    /// <param name="parameters">Members by their official names: an anonymous object, a dictionary, or a JSON object.</param>
    /// <param name="cancellationToken">Cancels the call, including its retries.</param>
    /// <returns>The service's answer.</returns>
    /// <exception cref="PetardException">Bad input (thrown before anything is sent) or an unreadable answer.</exception>
    /// <exception cref="PetardServiceException">The service answered with an error.</exception>
    /// <remarks>Trimmed and Native AOT code calls the <see cref="JsonObject"/> overload instead: this one reads the parameters by reflection.</remarks>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> InvokeAsync(string operation, object? parameters = null, CancellationToken cancellationToken = default) =>
        executor.ExecuteAsync(OperationModel.Default.Get(operation), parameters, ParameterReflection.Shared, cancellationToken);

    /// <summary>Runs an operation by its official name, without reflection: safe for trimming and Native AOT.</summary>
    /// <param name="operation">The official name, e.g. <c>CreateDeployment</c>.</param>
    /// <param name="parameters">Members by their official names, e.g. <c>new JsonObject { ["restApiId"] = id }</c>; null for none.</param>
    /// <param name="cancellationToken">Cancels the call, including its retries.</param>
    /// <returns>The service's answer.</returns>
    /// <exception cref="PetardException">Bad input (thrown before anything is sent) or an unreadable answer.</exception>
    /// <exception cref="PetardServiceException">The service answered with an error.</exception>
    public Task<Resource> InvokeAsync(string operation, JsonObject? parameters, CancellationToken cancellationToken = default) =>
        executor.ExecuteAsync(OperationModel.Default.Get(operation), parameters, reflection: null, cancellationToken);

    /// <summary>
    /// Runs an operation for Petard's own workflows: parameters are a <see cref="JsonObject"/> or a
    /// dictionary of plain values (strings, numbers, a blob's bytes, JSON nodes), never read by reflection.
    /// </summary>
    internal Task<Resource> InvokeWithoutReflectionAsync(string operation, object parameters, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(OperationModel.Default.Get(operation), parameters, reflection: null, cancellationToken);

    /// <summary>Yields every item of a paginated operation, one page at a time, following <c>position</c>.</summary>
    /// <param name="operation">A paginated operation, e.g. <c>GetRestApis</c>.</param>
    /// <param name="parameters">Members by their official names; <c>limit</c> sets the page size.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <remarks>Trimmed and Native AOT code calls the <see cref="JsonObject"/> overload instead: this one reads the parameters by reflection.</remarks>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public IAsyncEnumerable<Resource> PaginateAsync(string operation, object? parameters = null, CancellationToken cancellationToken = default) =>
        Paginate(operation, parameters, ParameterReflection.Shared, cancellationToken);

    /// <summary>Yields every item of a paginated operation, without reflection: safe for trimming and Native AOT.</summary>
    /// <param name="operation">A paginated operation, e.g. <c>GetRestApis</c>.</param>
    /// <param name="parameters">Members by their official names; <c>limit</c> sets the page size; null for none.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public IAsyncEnumerable<Resource> PaginateAsync(string operation, JsonObject? parameters, CancellationToken cancellationToken = default) =>
        Paginate(operation, parameters, reflection: null, cancellationToken);

    private async IAsyncEnumerable<Resource> Paginate(string operation, object? parameters, ParameterReflection? reflection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var definition = OperationModel.Default.Get(operation);
        if (!definition.Paginated)
        {
            throw PetardErrors.NotPaginated(operation);
        }

        var page = ToJsonObject(parameters, operation, reflection);
        while (true)
        {
            var result = await executor.ExecuteAsync(definition, page, reflection: null, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            var position = result.Position;
            if (string.IsNullOrEmpty(position) || (page["position"] is JsonValue previous && previous.GetValue<string>() == position))
            {
                yield break;
            }

            page["position"] = position;
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private static JsonObject ToJsonObject(object? parameters, string operation, ParameterReflection? reflection)
    {
        var page = new JsonObject();
        foreach (var (name, value) in ParameterReader.Read(parameters, operation, reflection))
        {
            page[name] = value switch
            {
                null => null,
                JsonNode node => node.DeepClone(),
                _ => WireValues.Primitive(value) ?? reflection?.Serialize(value) ?? throw PetardErrors.ParametersNeedReflection(operation, value.GetType()),
            };
        }

        return page;
    }
}
