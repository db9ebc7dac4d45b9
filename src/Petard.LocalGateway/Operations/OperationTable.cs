using Petard.Local.DataPlane.Authorizers;
using Petard.Local.DataPlane;
using Petard.Local.Http;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Runs one operation against the state; the caller holds the state's gate.</summary>
internal delegate OperationResult OperationHandler(OperationInput input, GatewayState state);

/// <summary>
/// Runs one read-only operation that waits on something outside the state (TestInvokeMethod calls
/// backends): it takes the state's gate itself, only to copy what it reads, so no call waits on it.
/// </summary>
internal delegate Task<OperationResult> AsyncOperationHandler(OperationInput input, GatewayState state, CancellationToken cancellationToken);

/// <summary>The operations the emulator implements, by official name.</summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, OperationHandler> handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsyncOperationHandler> asyncHandlers = new(StringComparer.Ordinal);

    /// <param name="region">The region of invoke URLs in exports.</param>
    /// <param name="testInvokers">What TestInvokeMethod and TestInvokeAuthorizer run on the data plane; without it they answer a 500 that says so.</param>
    /// <param name="authorizerCache">The data plane's authorizer results, which FlushStageAuthorizersCache drops.</param>
    /// <param name="usage">The requests the data plane counted, which GetUsage reports.</param>
    public static OperationTable CreateDefault(string region, TestInvokers? testInvokers = null, AuthorizerCache? authorizerCache = null, UsageLedger? usage = null)
    {
        var table = new OperationTable();
        RestApiOperations.Register(table);
        ResourceOperations.Register(table);
        MethodOperations.Register(table);
        DeploymentOperations.Register(table);
        StageOperations.Register(table);
        ModelOperations.Register(table);
        ApiKeyOperations.Register(table);
        DomainNameOperations.Register(table);
        UsagePlanOperations.Register(table);
        ExportOperations.Register(table, region);
        AuthorizerOperations.Register(table);
        RequestValidatorOperations.Register(table);
        GatewayResponseOperations.Register(table);
        TagOperations.Register(table);
        AccountOperations.Register(table);
        VpcLinkOperations.Register(table);
        ClientCertificateOperations.Register(table);
        DocumentationOperations.Register(table);
        SdkTypeOperations.Register(table);
        StageCacheOperations.Register(table, authorizerCache);
        UsageOperations.Register(table, usage ?? new UsageLedger(TimeProvider.System));
        ApiKeyImportOperations.Register(table);
        TestInvokeMethodOperations.Register(table, testInvokers?.Methods);
        TestInvokeAuthorizerOperations.Register(table, testInvokers?.Authorizers, testInvokers?.Cognito);
        return table;
    }

    public IEnumerable<string> Names => handlers.Keys.Concat(asyncHandlers.Keys);

    public void Add(string operation, OperationHandler handler) => handlers.Add(operation, handler);

    public OperationHandler? Find(string operation) => handlers.GetValueOrDefault(operation);

    public void AddAsync(string operation, AsyncOperationHandler handler) => asyncHandlers.Add(operation, handler);

    public AsyncOperationHandler? FindAsync(string operation) => asyncHandlers.GetValueOrDefault(operation);
}
