using Amazon.Runtime;
using Petard;

namespace Cake.Petard;

/// <summary>
/// Where every Petard alias sends its calls: profile, region, endpoint and credentials. Unset
/// settings follow the AWS conventions (environment variables, shared config files, roles).
/// </summary>
public abstract class PetardSettings
{
    /// <inheritdoc cref="PetardClientOptions.Region"/>
    public string? Region { get => ClientOptions.Region; set => ClientOptions.Region = value; }

    /// <inheritdoc cref="PetardClientOptions.Profile"/>
    public string? Profile { get => ClientOptions.Profile; set => ClientOptions.Profile = value; }

    /// <inheritdoc cref="PetardClientOptions.EndpointUrl"/>
    public string? EndpointUrl { get => ClientOptions.EndpointUrl; set => ClientOptions.EndpointUrl = value; }

    /// <inheritdoc cref="PetardClientOptions.Credentials"/>
    public AWSCredentials? Credentials { get => ClientOptions.Credentials; set => ClientOptions.Credentials = value; }

    /// <summary>The client options these settings are: the client is created from them as they are.</summary>
    internal PetardClientOptions ClientOptions { get; } = new();
}
