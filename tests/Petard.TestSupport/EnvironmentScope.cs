namespace Petard.TestSupport;

/// <summary>
/// Sets process environment variables for one test and restores every one it touched on dispose.
/// The environment belongs to the whole process: tests that use a scope belong to the
/// <see cref="Collection"/> collection, which runs alone, after the parallel tests.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    /// <summary>
    /// The name of the collection of tests that change the environment. xunit reads collection
    /// definitions only from the test assembly, so each test project declares it with this name
    /// and <c>DisableParallelization = true</c>.
    /// </summary>
    public const string Collection = "Process environment";

    private static readonly string[] AwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_API_GATEWAY",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_DISABLED", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
    ];

    private readonly Dictionary<string, string?> saved = [];
    private readonly bool resetsSharedFiles;

    /// <summary>Sets the variables given (a null value unsets one) and leaves every other one as it is.</summary>
    public EnvironmentScope(params (string Name, string? Value)[] values)
        : this(resetsSharedFiles: false, values)
    {
    }

    private EnvironmentScope(bool resetsSharedFiles, (string Name, string? Value)[] values)
    {
        this.resetsSharedFiles = resetsSharedFiles;
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }
    }

    /// <summary>
    /// A scope in which the AWS settings are exactly the ones given: every other AWS variable is
    /// unset, the shared credentials and config files are empty (see <see cref="SharedAwsFiles"/>),
    /// and the instance-metadata probe is off, so that nothing on the machine running the tests
    /// (a developer's profile, a CI role) can answer in their place.
    /// </summary>
    public static EnvironmentScope CleanAws(params (string Name, string? Value)[] values)
    {
        SharedAwsFiles.Reset();
        (string, string?)[] clean = [.. AwsVariables.Select(name => (name, (string?)null)), ("AWS_EC2_METADATA_DISABLED", "true"), .. values];
        return new EnvironmentScope(resetsSharedFiles: true, clean);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (resetsSharedFiles)
        {
            SharedAwsFiles.Reset();
        }
    }

    private void Set(string name, string? value)
    {
        saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }
}
