using System.Text.Json.Nodes;
using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>The service's rules for tags: at most 50 per resource, keys 1..128 characters not in the <c>aws:</c> namespace, values at most 256.</summary>
internal static class Tags
{
    public const int MaxTags = 50;
    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;

    /// <summary>Copies a create request's <c>tags</c> onto a new resource, checked.</summary>
    public static void CopyOnCreate(OperationInput input, JsonObject target)
    {
        if (input.Map("tags") is { } tags)
        {
            Merge(target, tags);
        }
    }

    /// <summary>Adds or replaces tags on a stored resource.</summary>
    public static void Merge(JsonObject target, JsonObject tags)
    {
        var merged = State.GatewayState.Collection(target, "tags");
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > MaxKeyLength || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw ServiceErrors.BadRequest("invalidTagKey", ("value", key));
            }

            if (value is not JsonValue v || !v.TryGetValue(out string? text) || text.Length > MaxValueLength)
            {
                throw ServiceErrors.BadRequest("invalidTagValue", ("name", key));
            }

            merged[key] = text;
        }

        if (merged.Count > MaxTags)
        {
            throw ServiceErrors.BadRequest("tooManyTags", ("max", MaxTags));
        }
    }
}
