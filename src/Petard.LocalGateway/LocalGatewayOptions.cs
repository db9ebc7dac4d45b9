namespace Petard.Local;

/// <summary>How a <see cref="LocalGateway"/> starts.</summary>
public sealed class LocalGatewayOptions
{
    /// <summary>The port on 127.0.0.1 (0, the default, picks a free one).</summary>
    public int Port { get; set; }

    /// <summary>A JSON file that keeps the state across runs; <c>null</c> keeps it in memory only.</summary>
    public string? StateFile { get; set; }

    /// <summary>When set, every request's SigV4 signature must verify with these credentials.</summary>
    public SigningKey? VerifySignatures { get; set; }

    /// <summary>
    /// When set, CreateDeployment calls closer together than this answer 429, like the service's
    /// quota of one call per 5 s (tests use a shorter interval).
    /// </summary>
    public TimeSpan? CreateDeploymentInterval { get; set; }

    /// <summary>The region shown in invoke URLs and exports (default <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";
}
