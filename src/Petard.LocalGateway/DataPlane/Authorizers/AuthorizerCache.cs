using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>
/// The authorizer results of the last <c>authorizerResultTtlInSeconds</c>, by stage, authorizer
/// and identity: the service calls the function again only when an entry has expired, and
/// evaluates the cached policy against each request's own method ARN.
/// </summary>
internal sealed class AuthorizerCache(TimeProvider time) : State.IVolatileState
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, AuthorizerResult Result)> entries = new(StringComparer.Ordinal);

    /// <summary>The entry of one identity, under its stage's prefix so a stage's entries can be dropped together.</summary>
    public static string Key(string restApiId, string stage, string? authorizerId, IEnumerable<string?> identities) =>
        string.Join('\n', [StagePrefix(restApiId, stage) + authorizerId, .. identities]);

    /// <summary>Drops the stage's results (FlushStageAuthorizersCache): the next request calls the function again.</summary>
    public void Flush(string restApiId, string stage)
    {
        var prefix = StagePrefix(restApiId, stage);
        foreach (var key in entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            entries.TryRemove(key, out _);
        }
    }

    /// <summary>Drops every result (a reset of the emulator).</summary>
    public void Clear() => entries.Clear();

    private static string StagePrefix(string restApiId, string stage) => $"{restApiId}\n{stage}\n";

    public AuthorizerResult? Find(string key)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            return entry.Result;
        }

        entries.TryRemove(key, out _);
        return null;
    }

    public void Add(string key, int ttlSeconds, AuthorizerResult result)
    {
        if (ttlSeconds > 0)
        {
            entries[key] = (time.GetUtcNow().AddSeconds(ttlSeconds), result);
        }
    }
}
