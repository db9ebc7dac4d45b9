using System.Text.Json.Nodes;

namespace Petard.Local.State;

/// <summary>
/// One write operation's undo record and change set, in proportion to what the operation may change
/// rather than to the whole state: a copy of the rest API its input names (an operation on one API
/// changes no other API), the list of rest APIs (so one added or removed is seen), and copies of the
/// small collections (every other top-level collection: API keys, usage plans, domain names, ...). A failed operation is undone from it; a
/// successful one is journaled as the entries it changed.
/// </summary>
internal sealed class StateChange
{
    private static readonly string[] SmallCollections = [.. GatewayState.CollectionNames.Where(name => name != "restApis")];

    private readonly GatewayState state;
    private readonly string? restApiId;
    private readonly JsonObject? restApiCopy;
    private readonly KeyValuePair<string, JsonNode?>[] restApis;
    private readonly Dictionary<string, JsonObject> smallCopies;

    private StateChange(GatewayState state, string? restApiId)
    {
        this.state = state;
        this.restApiId = restApiId;
        restApiCopy = restApiId is null ? null : state.RestApis[restApiId]?.DeepClone() as JsonObject;
        restApis = [.. state.RestApis];
        smallCopies = SmallCollections.ToDictionary(name => name, name => (JsonObject)state.Root[name]!.DeepClone(), StringComparer.Ordinal);
    }

    /// <summary>Records the state before an operation; the caller holds the state's gate.</summary>
    /// <param name="state">The state.</param>
    /// <param name="restApiId">The rest API the operation's input names, if any.</param>
    public static StateChange Begin(GatewayState state, string? restApiId) => new(state, restApiId);

    /// <summary>Puts back what the operation may have changed.</summary>
    public void Undo()
    {
        state.RestApis.Clear(); // detaches the entries, so the same objects can be put back
        foreach (var (id, entry) in restApis)
        {
            state.RestApis[id] = id == restApiId ? restApiCopy : entry;
        }

        foreach (var (name, copy) in smallCopies)
        {
            state.Root[name] = copy;
        }
    }

    /// <summary>The entries the operation added, replaced or removed (a removed one has no value).</summary>
    public IEnumerable<StateEdit> Edits()
    {
        var before = restApis.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, entry) in state.RestApis)
        {
            if (!before.Contains(id) || id == restApiId)
            {
                yield return new StateEdit("restApis", id, entry);
            }
        }

        foreach (var id in before.Where(id => !state.RestApis.ContainsKey(id)))
        {
            yield return new StateEdit("restApis", id, null);
        }

        foreach (var (name, copy) in smallCopies)
        {
            var now = (JsonObject)state.Root[name]!;
            foreach (var (id, entry) in now)
            {
                if (!copy.TryGetPropertyValue(id, out var old) || !JsonNode.DeepEquals(old, entry))
                {
                    yield return new StateEdit(name, id, entry);
                }
            }

            foreach (var (id, _) in copy.Where(kv => !now.ContainsKey(kv.Key)))
            {
                yield return new StateEdit(name, id, null);
            }
        }
    }
}

/// <summary>An entry of a top-level collection set to a value, or removed (no value).</summary>
/// <param name="Collection">The collection, e.g. <c>restApis</c>.</param>
/// <param name="Id">The entry's id or name.</param>
/// <param name="Value">The entry as it is now; null when it was removed.</param>
internal sealed record StateEdit(string Collection, string Id, JsonNode? Value);
