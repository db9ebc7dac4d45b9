using Petard.Local.Http;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Runs one operation against the state; the caller holds the state's gate.</summary>
internal delegate OperationResult OperationHandler(OperationInput input, GatewayState state);

/// <summary>The operations the emulator implements, by official name.</summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, OperationHandler> handlers = new(StringComparer.Ordinal);

    /// <param name="region">The region of invoke URLs in exports.</param>
    public static OperationTable CreateDefault(string region)
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
        StageCacheOperations.Register(table);
        UsageOperations.Register(table);
        ApiKeyImportOperations.Register(table);
        return table;
    }

    public IEnumerable<string> Names => handlers.Keys;

    public void Add(string operation, OperationHandler handler) => handlers.Add(operation, handler);

    public OperationHandler? Find(string operation) => handlers.GetValueOrDefault(operation);
}
