using Amazon.Runtime;
using Petard;

namespace Cake.Petard;

/// <summary>
/// Where every Petard alias sends its calls: profile, region, endpoint and credentials. Unset
/// settings follow the AWS conventions (environment variables, shared config files, roles).
/// </summary>
public abstract class PetardSettings
{
    /// <summary>The AWS region, e.g. <c>eu-west-1</c> (default: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's region).</summary>
    public string? Region { get; set; }

    /// <summary>A named profile of the shared config/credentials files (default: <c>AWS_PROFILE</c>, else <c>default</c>).</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// The API Gateway endpoint, e.g. a local emulator's <c>http://127.0.0.1:4567</c> (default:
    /// <c>AWS_ENDPOINT_URL_API_GATEWAY</c>, <c>AWS_ENDPOINT_URL</c>, else the region's endpoint).
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Explicit credentials; when set, no credential chain is consulted.</summary>
    public AWSCredentials? Credentials { get; set; }

    internal PetardClientOptions ToClientOptions() => new()
    {
        Region = Region,
        Profile = Profile,
        EndpointUrl = EndpointUrl,
        Credentials = Credentials,
    };
}
