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

    /// <summary>
    /// Local Lambda functions for <c>AWS_PROXY</c> integrations: a function name or ARN (as in the
    /// integration URI) to the base URL of a server speaking the Lambda Runtime Interface
    /// Emulator's protocol (<c>POST {url}/2015-03-31/functions/function/invocations</c>).
    /// </summary>
    public IDictionary<string, Uri> Lambdas { get; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>
    /// JWKS files of Cognito user pools for <c>COGNITO_USER_POOLS</c> authorizers: a pool id (as
    /// in the authorizer's provider ARN, e.g. <c>us-east-1_AbCdEf123</c>) or the whole ARN, to the
    /// path of the pool's <c>.well-known/jwks.json</c> saved locally.
    /// </summary>
    public IDictionary<string, string> CognitoJwks { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the data plane writes its access log and why a request failed; <c>null</c> writes nothing.</summary>
    public TextWriter? DataPlaneLog { get; set; }

    /// <summary>
    /// Where the control plane writes one line per request (operation, status, milliseconds) and, for
    /// every 5xx it answers, the cause; <c>null</c> writes nothing. The host process writes it to its output.
    /// </summary>
    public TextWriter? ControlPlaneLog { get; set; }

    /// <summary>Seeds the draw that sends a stage's <c>canarySettings.percentTraffic</c> to its canary; <c>null</c> draws at random.</summary>
    public int? CanarySeed { get; set; }
}
