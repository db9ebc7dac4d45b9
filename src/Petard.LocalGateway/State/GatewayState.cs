using System.Text.Json.Nodes;

namespace Petard.Local.State;

/// <summary>
/// Everything the emulator holds, as one JSON tree in the service's own representation (so
/// answers, snapshots and the state file are the same data). Callers hold <see cref="Gate"/>
/// while they read or change it.
/// </summary>
/// <remarks>
/// Layout: <c>restApis.{id}.{api, resources, deployments, deploymentSnapshots, deploymentSettings, stages, models, authorizers, requestValidators, gatewayResponses}</c>,
/// <c>apiKeys.{id}</c>, <c>domainNames.{name}.{domain, basePathMappings}</c>,
/// <c>usagePlans.{id}.{plan, keys, usage}</c>, <c>clientCertificates.{id}</c>, <c>vpcLinks.{id}</c>,
/// <c>account.settings</c> (the account's settings: one entry, so it is journaled like the rest).
/// </remarks>
internal sealed class GatewayState
{
    /// <summary>The top-level collections, each an object of entries by id or name.</summary>
    public static readonly IReadOnlyList<string> CollectionNames = ["restApis", "apiKeys", "domainNames", "usagePlans", "clientCertificates", "vpcLinks", "account"];

    public GatewayState(JsonObject? root = null)
    {
        Root = root ?? new JsonObject();
        AddMissingCollections();
    }

    public object Gate { get; } = new();

    public JsonObject Root { get; }

    public JsonObject RestApis => (JsonObject)Root["restApis"]!;

    public JsonObject ApiKeys => (JsonObject)Root["apiKeys"]!;

    public JsonObject DomainNames => (JsonObject)Root["domainNames"]!;

    public JsonObject UsagePlans => (JsonObject)Root["usagePlans"]!;

    public JsonObject ClientCertificates => (JsonObject)Root["clientCertificates"]!;

    public JsonObject VpcLinks => (JsonObject)Root["vpcLinks"]!;

    /// <summary>The account's settings (GetAccount/UpdateAccount), created on first use.</summary>
    public JsonObject Account => Collection((JsonObject)Root["account"]!, "settings");

    /// <summary>The stored tree of a rest API, or NotFoundException.</summary>
    /// <param name="restApiId">The rest API id.</param>
    public JsonObject RestApi(string restApiId) =>
        RestApis[restApiId] as JsonObject ?? throw GatewayException.NotFound($"Invalid API identifier specified 000000000000:{restApiId}");

    /// <summary>A child collection of a stored tree, created on first use.</summary>
    /// <param name="parent">The parent object.</param>
    /// <param name="name">The collection name.</param>
    public static JsonObject Collection(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>Puts back a copy taken before a failed change.</summary>
    /// <param name="copy">A deep copy of <see cref="Root"/>.</param>
    public void Restore(JsonObject copy)
    {
        Root.Clear();
        foreach (var (name, value) in copy.ToList())
        {
            copy.Remove(name);
            Root[name] = value;
        }
    }

    /// <summary>Empties the state: no rest API, key, plan, domain or setting is left (<c>DELETE /_petard/state</c>).</summary>
    public void Reset()
    {
        Root.Clear();
        AddMissingCollections();
    }

    /// <summary>A deep copy, safe to hand out.</summary>
    public JsonObject Snapshot() => (JsonObject)Root.DeepClone();

    private void AddMissingCollections()
    {
        foreach (var name in CollectionNames)
        {
            if (Root[name] is not JsonObject)
            {
                Root[name] = new JsonObject();
            }
        }
    }
}
