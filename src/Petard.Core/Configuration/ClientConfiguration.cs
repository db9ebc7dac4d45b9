using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Petard.Configuration;

/// <summary>
/// The resolved settings of a client: region, endpoint and credentials, read once at creation
/// from the options first, then from the AWS environment and shared config files.
/// </summary>
internal sealed partial record ClientConfiguration(string Region, Uri Endpoint, AWSCredentials Credentials)
{
    /// <summary>The region a loopback emulator is assumed to be in when nothing else says.</summary>
    public const string LocalDefaultRegion = "us-east-1";

    public static ClientConfiguration Resolve(PetardClientOptions options, Func<string, string?> environment)
    {
        var profileName = First(options.Profile, environment("AWS_PROFILE"));
        CredentialProfile? profile = null;
        if (profileName is not null && !new CredentialProfileStoreChain().TryGetProfile(profileName, out profile))
        {
            throw PetardErrors.ProfileNotFound(profileName);
        }

        var configuredEndpoint = EndpointResolver.Configured(options.EndpointUrl, environment);
        var local = EndpointResolver.Check(configuredEndpoint) is { } checkedEndpoint && EndpointResolver.IsLoopback(checkedEndpoint);

        // The default profile's file is read only when nothing closer names a region.
        var region = First(options.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"), profile?.Region?.SystemName)
            ?? DefaultProfileRegion(profileName)
            ?? (local ? LocalDefaultRegion : null)
            ?? throw PetardErrors.NoRegion();
        if (!RegionName().IsMatch(region))
        {
            throw PetardErrors.InvalidRegion(region);
        }

        var endpoint = EndpointResolver.Resolve(configuredEndpoint, region);
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

            throw PetardErrors.ProfileWithoutCredentials(profileName);
        }

        // Keys in the environment are the standard chain's first source: take them as it would,
        // without building the chain, whose other sources read files and end in the instance-metadata probe.
        if (EnvironmentKeys(environment) is { } keys)
        {
            return keys;
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
            throw PetardErrors.NoCredentials(ex);
        }
    }

    private static AWSCredentials? EnvironmentKeys(Func<string, string?> environment)
    {
        var accessKey = environment("AWS_ACCESS_KEY_ID");
        var secretKey = environment("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrWhiteSpace(accessKey) || string.IsNullOrWhiteSpace(secretKey))
        {
            return null;
        }

        var token = environment("AWS_SESSION_TOKEN");
        return string.IsNullOrWhiteSpace(token)
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, token);
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

    // The form of every AWS region name (us-east-1, eu-central-2, us-gov-west-1, cn-north-1): anything else would reach the signer and a DNS name.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RegionName();

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
