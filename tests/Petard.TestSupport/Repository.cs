namespace Petard.TestSupport;

/// <summary>Files of the repository the tests run from (found upwards from the test assembly).</summary>
public static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Petard.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Petard.Build.sln above {AppContext.BaseDirectory}.");
    });

    public static string File(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
