using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>
/// <c>item</c>/<c>position</c>/<c>limit</c> pagination as the service does it: limit 1..500,
/// default 25; <c>position</c> is an opaque token, absent on the last page.
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 500;

    public static JsonObject Page(IEnumerable<JsonNode> items, OperationInput input)
    {
        var limit = input.Int("limit") ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw GatewayException.BadRequest($"Invalid limit {limit.ToString(CultureInfo.InvariantCulture)}: it must be between 1 and {MaxLimit.ToString(CultureInfo.InvariantCulture)}.");
        }

        var offset = ReadPosition(input.String("position"));
        var all = items.ToList();
        var page = new JsonArray(all.Skip(offset).Take(limit).Select(i => i.DeepClone()).ToArray());
        var result = new JsonObject { ["item"] = page };
        if (offset + limit < all.Count)
        {
            result["position"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("petard:" + (offset + limit).ToString(CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>Every item at once, for the few collections the service does not page (GetStages).</summary>
    public static JsonObject All(IEnumerable<JsonNode> items) => new() { ["item"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()) };

    private static int ReadPosition(string? position)
    {
        if (string.IsNullOrEmpty(position))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(position));
            // No page of ours starts beyond int.MaxValue - MaxLimit; a larger offset would overflow with the limit added.
            if (text.StartsWith("petard:", StringComparison.Ordinal) && int.TryParse(text["petard:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset <= int.MaxValue - MaxLimit)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // falls through to the error below
        }

        throw GatewayException.BadRequest($"Invalid position '{position}': pass the position of a previous page unchanged.");
    }
}
