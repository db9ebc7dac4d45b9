using System.Runtime.CompilerServices;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>
/// Points the AWS shared credentials and config files of the whole test process at empty temp
/// files before any test runs. AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE
/// once per process (and only if the files exist), so tests change the files' contents, never the
/// variables; and no developer's ~/.aws can leak into a test.
/// </summary>
internal static class SharedAwsFiles
{
    public static string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("petard-core-tests-aws-").FullName;

    public static string CredentialsFile => Path.Combine(Directory, "credentials");

    public static string ConfigFile => Path.Combine(Directory, "config");

    public static void Reset()
    {
        File.WriteAllText(CredentialsFile, string.Empty);
        File.WriteAllText(ConfigFile, string.Empty);
    }

#pragma warning disable CA2255 // a module initializer is the one hook that runs before the SDK's static file paths are read
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        Reset();
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
