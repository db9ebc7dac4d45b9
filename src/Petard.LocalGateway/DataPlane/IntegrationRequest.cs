namespace Petard.Local.DataPlane;

/// <summary>What the integration request step made of the method request: the backend call to make.</summary>
internal sealed class IntegrationRequest
{
    public required string HttpMethod { get; init; }

    /// <summary>The endpoint URI with stage variables and path parameters substituted; empty for MOCK.</summary>
    public required string Uri { get; init; }

    public List<KeyValuePair<string, string>> Query { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Body { get; set; } = [];
}
