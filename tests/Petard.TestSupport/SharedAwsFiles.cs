namespace Petard.TestSupport;

/// <summary>
/// The AWS shared credentials and config files of the whole test process, pointed at empty temp
/// files. AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process (and
/// only if the files exist), so tests change the files' contents, never the variables; and no
/// developer's ~/.aws can leak into a test.
/// </summary>
public static class SharedAwsFiles
{
    private static int installed;

    public static string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("petard-tests-aws-").FullName;

    public static string CredentialsFile => Path.Combine(Directory, "credentials");

    public static string ConfigFile => Path.Combine(Directory, "config");

    /// <summary>
    /// Points the process at the files. Call it from a module initializer of the test assembly: that
    /// is the one hook that runs before any test can make the SDK read the variables.
    /// </summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        Reset();
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static void WriteCredentials(string text) => File.WriteAllText(Installed(CredentialsFile), text);

    public static void WriteConfig(string text) => File.WriteAllText(Installed(ConfigFile), text);

    /// <summary>Empties both files.</summary>
    public static void Reset()
    {
        File.WriteAllText(Installed(CredentialsFile), string.Empty);
        File.WriteAllText(Installed(ConfigFile), string.Empty);
    }

    // Writing files the SDK does not read would let a test pass on the developer's ~/.aws instead.
    private static string Installed(string file) => Volatile.Read(ref installed) == 1
        ? file
        : throw new InvalidOperationException($"{nameof(SharedAwsFiles)}.{nameof(Install)} was not called: call it from a [ModuleInitializer] of the test assembly.");
}
