using System.Reflection;

namespace Cake.Petard.Tests.EndToEnd;

/// <summary>Where the repository and this test build are, found from the test assembly.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly (and so the addin beside it) was built in.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Petard.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Petard.Build.sln above {AppContext.BaseDirectory}.");
    }
}
