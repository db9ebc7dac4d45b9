using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Petard.Configuration;

/// <summary>
/// The resolved settings of a client: region, endpoint and credentials, read once at creation
/// from the options first, then from the AWS environment and shared config files.
/// </summary>
internal sealed record ClientConfiguration(string Region, Uri Endpoint, AWSCredentials Credentials)
{
    /// <summary>The region a loopback emulator is assumed to be in when nothing else says.</summary>
    public const string LocalDefaultRegion = "us-east-1";

    public static ClientConfiguration Resolve(PetardClientOptions options, Func<string, string?> environment)
    {
        var profileName = First(options.Profile, environment("AWS_PROFILE"));
        CredentialProfile? profile = null;
        if (profileName is not null && !new CredentialProfileStoreChain().TryGetProfile(profileName, out profile))
        {
            throw new PetardException(PetardErrorCodes.ProfileNotFound, $"The AWS profile '{profileName}' was not found in the shared config or credentials file. Create it with 'aws configure --profile {profileName}', or name an existing profile.");
        }

        var configuredEndpoint = First(options.EndpointUrl, environment("AWS_ENDPOINT_URL_API_GATEWAY"), environment("AWS_ENDPOINT_URL"));
        var local = configuredEndpoint is not null && Uri.TryCreate(configuredEndpoint, UriKind.Absolute, out var parsed) && EndpointResolver.IsLoopback(parsed);

        // The default profile's file is read only when nothing closer names a region.
        var region = First(options.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"), profile?.Region?.SystemName)
            ?? DefaultProfileRegion(profileName)
            ?? (local ? LocalDefaultRegion : null)
            ?? throw new PetardException(PetardErrorCodes.NoRegion, "No AWS region is set. Set the Region option (MSBuild: PetardRegion), the AWS_REGION environment variable, or 'region' in your AWS profile.");

        var endpoint = EndpointResolver.Resolve(configuredEndpoint, region, environment);
        var credentials = options.Credentials ?? ResolveCredentials(profileName, local, environment);
        return new ClientConfiguration(region, endpoint, credentials);
    }

    private static AWSCredentials ResolveCredentials(string? profileName, bool local, Func<string, string?> environment)
    {
        if (profileName is not null)
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(profileName, out var fromProfile))
            {
                return fromProfile;
            }

            throw new PetardException(PetardErrorCodes.ProfileNotFound, $"The AWS profile '{profileName}' has no usable credentials. Check it with 'aws sts get-caller-identity --profile {profileName}'.");
        }

        // A local emulator needs a signature but no real identity: spare users of the quick start an
        // AWS account, and spare them the slow instance-metadata probe of the full chain.
        if (local && environment("AWS_ACCESS_KEY_ID") is null && !HasSharedDefaultProfile())
        {
            return new BasicAWSCredentials("petard-local", "petard-local-secret");
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
        }
        catch (AmazonClientException ex)
        {
            throw new PetardException(PetardErrorCodes.NoCredentials, "No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or name a profile (MSBuild: PetardProfile).", ex);
        }
    }

    private static string? DefaultProfileRegion(string? profileName)
    {
        if (profileName is not null)
        {
            return null;
        }

        return new CredentialProfileStoreChain().TryGetProfile("default", out var profile) ? profile.Region?.SystemName : null;
    }

    private static bool HasSharedDefaultProfile() => new CredentialProfileStoreChain().TryGetProfile("default", out _);

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
