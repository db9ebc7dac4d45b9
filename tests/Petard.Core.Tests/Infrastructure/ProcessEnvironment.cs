using Xunit;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>Tests that change process environment variables: they run one at a time, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}

/// <summary>
/// Sets AWS environment variables for one test and restores every one on dispose. Unlisted AWS
/// variables are cleared, and the shared credentials and config files (see <see cref="SharedAwsFiles"/>)
/// start empty and are emptied again afterwards.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] Controlled =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_API_GATEWAY",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_DISABLED", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
    ];

    private readonly Dictionary<string, string?> saved = Controlled.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        SharedAwsFiles.Reset();
        foreach (var name in Controlled)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true"); // no slow instance-metadata probe
        foreach (var (name, value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public static void WriteCredentials(string text) => File.WriteAllText(SharedAwsFiles.CredentialsFile, text);

    public static void WriteConfig(string text) => File.WriteAllText(SharedAwsFiles.ConfigFile, text);

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        SharedAwsFiles.Reset();
    }
}
