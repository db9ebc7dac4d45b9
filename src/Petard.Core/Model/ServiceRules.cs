using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>
/// The service's rules that its model does not state (stage-name and variable rules, cache sizes,
/// put modes, the method-settings table, quotas, which operations are read-only or idempotent, and
/// the service's messages), read from <c>apigateway-customizations.json</c> beside the operation
/// model. The client's checks and the emulator's validation both read this one copy.
/// </summary>
internal sealed class ServiceRules
{
    private const string ResourceName = "Petard.Model.apigateway-customizations.json";
    private static readonly Lazy<ServiceRules> Embedded = new(LoadEmbedded);

    private readonly HashSet<string> readOnly;
    private readonly HashSet<string> idempotent;

    private ServiceRules(JsonElement root, OperationModel model)
    {
        StageName = Text(root.GetProperty("stageName"));
        var variables = root.GetProperty("stageVariables");
        VariableName = Text(variables.GetProperty("name"));
        VariableValue = Text(variables.GetProperty("value"));

        var cache = root.GetProperty("cacheCluster");
        CacheClusterSizes = model.EnumValues(cache.GetProperty("sizes").GetString()!);
        DefaultCacheClusterSize = cache.GetProperty("defaultSize").GetString()!;
        var put = root.GetProperty("putRestApi");
        PutModes = model.EnumValues(put.GetProperty("modes").GetString()!);
        DefaultPutMode = put.GetProperty("defaultMode").GetString()!;
        PatchOps = model.EnumValues(root.GetProperty("patchOperations").GetProperty("ops").GetString()!);
        MethodSettings = MethodSettingTable.Parse(root.GetProperty("methodSettings"), model);
        PatchPaths = PatchPathTable.Parse(root.GetProperty("patchPaths"), model);
        MemberEnums = new ReadOnlyDictionary<string, string>(root.GetProperty("memberEnums").EnumerateObject()
            .Where(e => !e.Name.StartsWith('$'))
            .ToDictionary(e => e.Name, e => EnumName(model, e.Value.GetString()!), StringComparer.Ordinal));
        Integrations = IntegrationRules.Parse(root.GetProperty("integrations"));
        var basePath = root.GetProperty("basePath");
        BasePath = new PatternRule(Pattern(basePath.GetProperty("pattern").GetString()!), basePath.GetProperty("message").GetString()!);
        NoBasePath = basePath.GetProperty("none").GetString()!;

        var quotas = root.GetProperty("quotas");
        var account = quotas.GetProperty("account");
        AccountQuota = new AccountQuota(account.GetProperty("requestsPerSecond").GetDouble(), account.GetProperty("burst").GetInt32());
        OperationQuotas = new ReadOnlyDictionary<string, OperationQuota>(quotas.GetProperty("operations").EnumerateObject().ToDictionary(
            q => q.Name,
            q => new OperationQuota(q.Name, TimeSpan.FromSeconds(q.Value.GetProperty("intervalSeconds").GetDouble())),
            StringComparer.Ordinal));

        readOnly = Names(root.GetProperty("readOnly"));
        idempotent = Names(root.GetProperty("idempotent"));
        Messages = new ServiceMessages(root.GetProperty("messages").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString()!, StringComparer.Ordinal));

        var responses = root.GetProperty("gatewayResponses");
        GatewayResponseStatusCodes = new ReadOnlyDictionary<string, string?>(responses.GetProperty("statusCodes").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetString(), StringComparer.Ordinal));
        GatewayResponseTemplates = new ReadOnlyDictionary<string, string>(responses.GetProperty("defaultTemplates").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString()!, StringComparer.Ordinal));
        SdkTypes = root.GetProperty("sdkTypes").GetRawText();
        DefaultModels = new ReadOnlyDictionary<string, string>(root.GetProperty("defaultModels").EnumerateObject()
            .Where(m => m.Name != "$comment")
            .ToDictionary(m => m.Name, m => m.Value.GetRawText(), StringComparer.Ordinal));
    }

    /// <summary>The rules embedded in Petard.Core, over the embedded operation model's enums.</summary>
    public static ServiceRules Default => Embedded.Value;

    public TextRule StageName { get; }

    public TextRule VariableName { get; }

    public TextRule VariableValue { get; }

    /// <summary>The cache cluster sizes the service offers, in GB (the model's <c>CacheClusterSize</c> enum).</summary>
    public IReadOnlyList<string> CacheClusterSizes { get; }

    /// <summary>The size a cache cluster gets when it is enabled without one.</summary>
    public string DefaultCacheClusterSize { get; }

    /// <summary>The modes of PutRestApi (the model's <c>PutMode</c> enum).</summary>
    public IReadOnlyList<string> PutModes { get; }

    /// <summary>The mode PutRestApi uses when the request names none.</summary>
    public string DefaultPutMode { get; }

    /// <summary>The <c>op</c>s a patch operation may have (the model's <c>Op</c> enum).</summary>
    public IReadOnlyList<string> PatchOps { get; }

    public MethodSettingTable MethodSettings { get; }

    /// <summary>
    /// Nested request members whose values come from an official enum, by their dotted path from
    /// the operation's input (<c>endpointConfiguration.types</c>): the model states enums of
    /// top-level members only.
    /// </summary>
    public IReadOnlyDictionary<string, string> MemberEnums { get; }

    /// <summary>What an integration's URI and credentials must look like, by integration type.</summary>
    public IntegrationRules Integrations { get; }

    /// <summary>What a REST API's base path mapping may hold (no '/': multi-level paths are API Gateway V2's).</summary>
    public PatternRule BasePath { get; }

    /// <summary>How the service names the empty base path in URIs and answers: <c>(none)</c>.</summary>
    public string NoBasePath { get; }

    /// <summary>Every documented PATCH path of every patchable resource kind.</summary>
    public PatchPathTable PatchPaths { get; }

    public AccountQuota AccountQuota { get; }

    /// <summary>The operations with a quota of their own, by name.</summary>
    public IReadOnlyDictionary<string, OperationQuota> OperationQuotas { get; }

    public ServiceMessages Messages { get; }

    /// <summary>Every gateway response type (the model's <c>GatewayResponseType</c> enum, in its order) and the status it answers with until customized; <c>null</c> for the DEFAULT_4XX/DEFAULT_5XX families.</summary>
    public IReadOnlyDictionary<string, string?> GatewayResponseStatusCodes { get; }

    /// <summary>The response templates of a gateway response that was not customized, by content type.</summary>
    public IReadOnlyDictionary<string, string> GatewayResponseTemplates { get; }

    /// <summary>The SDK types the service generates (GetSdkTypes' items), as JSON text.</summary>
    public string SdkTypes { get; }

    /// <summary>The models CreateRestApi gives every new REST API (Empty, Error): by name, each model's JSON text (contentType, description, schema).</summary>
    public IReadOnlyDictionary<string, string> DefaultModels { get; }

    /// <summary>Reads rules in Petard's customizations format; enum references resolve against <paramref name="model"/>.</summary>
    public static ServiceRules Parse(Stream json, OperationModel model)
    {
        using var document = JsonDocument.Parse(json);
        return new ServiceRules(document.RootElement, model);
    }

    /// <summary>Whether the operation changes nothing, so the emulator need not snapshot its state.</summary>
    public bool IsReadOnly(string operation) => readOnly.Contains(operation);

    /// <summary>Whether sending the operation twice leaves the same state as once (every read-only one is).</summary>
    public bool IsIdempotent(string operation) => readOnly.Contains(operation) || idempotent.Contains(operation);

    private static TextRule Text(JsonElement rule) =>
        new(
            new Regex(rule.GetProperty("pattern").GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            rule.GetProperty("maxLength").GetInt32(),
            rule.GetProperty("allowed").GetString()!);

    internal static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Fails at load, not at the first request, when the data names an enum the model lacks.
    private static string EnumName(OperationModel model, string name)
    {
        _ = model.EnumValues(name);
        return name;
    }

    private static HashSet<string> Names(JsonElement list) =>
        list.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal);

    private static ServiceRules LoadEmbedded()
    {
        using var stream = typeof(ServiceRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded service rules '{ResourceName}' are missing from Petard.Core.");
        return Parse(stream, OperationModel.Default);
    }
}
