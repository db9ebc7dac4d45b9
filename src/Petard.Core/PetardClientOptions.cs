using Amazon.Runtime;

namespace Petard;

/// <summary>
/// How a <see cref="PetardClient"/> finds its endpoint, region and credentials. Every setting is
/// optional; unset ones follow the AWS conventions (environment, shared config files, roles).
/// </summary>
public sealed class PetardClientOptions
{
    /// <summary>A named profile of the shared config/credentials files (default: <c>AWS_PROFILE</c>, else <c>default</c>).</summary>
    public string? Profile { get; set; }

    /// <summary>The AWS region, e.g. <c>eu-west-1</c> (default: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's region).</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The service endpoint (default: <c>AWS_ENDPOINT_URL_API_GATEWAY</c>, <c>AWS_ENDPOINT_URL</c>,
    /// else <c>https://apigateway.{region}.amazonaws.com</c>). Plain <c>http://</c> is accepted only on loopback.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Explicit credentials; when set, no credential chain is consulted.</summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>How failed calls are retried.</summary>
    public PetardRetryOptions Retry { get; set; } = new();

    /// <summary>How calls are paced to the service's quotas (on by default for AWS endpoints, off for loopback).</summary>
    public PetardPacingOptions Pacing { get; set; } = new();

    /// <summary>The innermost HTTP handler (for proxies, tests or recording); Petard signs and retries above it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Whether the client disposes <see cref="HttpMessageHandler"/> when it is disposed.</summary>
    public bool DisposeHttpMessageHandler { get; set; } = true;
}
