using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>
/// The authorizer results of the last <c>authorizerResultTtlInSeconds</c>, by stage, authorizer
/// and identity: the service calls the function again only when an entry has expired, and
/// evaluates the cached policy against each request's own method ARN.
/// </summary>
internal sealed class AuthorizerCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, AuthorizerResult Result)> entries = new(StringComparer.Ordinal);

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
