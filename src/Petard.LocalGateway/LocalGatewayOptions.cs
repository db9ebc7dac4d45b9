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
    /// When set, the service's per-operation quotas are enforced (a call too soon after the previous
    /// one of its operation answers 429), CreateDeployment's with this interval instead of the
    /// service's (tests use a shorter one).
    /// </summary>
    public TimeSpan? CreateDeploymentInterval { get; set; }

    /// <summary>The region shown in invoke URLs and exports (default <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";
}
