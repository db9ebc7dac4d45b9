namespace Petard.Local.DataPlane;

/// <summary>An answer on its way back to the client: status, headers (a name may repeat) and body.</summary>
internal sealed class InvokeResponse(int statusCode)
{
    public int StatusCode { get; set; } = statusCode;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Body { get; set; } = [];

    /// <summary>Replaces every value of a header.</summary>
    public void SetHeader(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Headers.Add(KeyValuePair.Create(name, value));
    }

    public string? Header(string name) =>
        Headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
