using System.Reflection;

namespace Petard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs Petard.Build once per test run into a temporary folder laid out like the repository
/// (<c>artifacts/packages</c> beside <c>samples/</c>), so the sample's own nuget.config finds it.
/// Restores go to a package folder of this run, so no stale cached Petard.Build is ever used.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public string RepoRoot { get; } = FindRepoRoot();

    public string Root { get; } = Directory.CreateTempSubdirectory("petard-e2e-").FullName;

    public string Feed => Path.Combine(Root, "artifacts", "packages");

    public string PackagesFolder => Path.Combine(Root, "nuget-packages");

    public string Version { get; private set; } = "";

    /// <summary>The environment every user command of the tests runs with: AWS files pointed at empty ones.</summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["AWS_CONFIG_FILE"] = Path.Combine(Root, "aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Root, "aws-credentials"),
    };

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Root, "aws-config"), "");
        File.WriteAllText(Path.Combine(Root, "aws-credentials"), "");
        var configuration = typeof(PackedFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var pack = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["pack", Path.Combine(RepoRoot, "src", "Petard.Build", "Petard.Build.csproj"), "--no-build", "-c", configuration, "-o", Feed],
            RepoRoot,
            Environment);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed: {pack}");
        }

        var package = Directory.GetFiles(Feed, "Petard.Build.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(package)["Petard.Build.".Length..];
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open for a moment; temp folders are cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes a nuget.config into a user's folder that reads packages from the packed feed only.</summary>
    public void WriteNuGetConfig(string folder) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="petard-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>Copies a folder of the repository (without bin/obj) to the same place under <see cref="Root"/>.</summary>
    public string CopyFromRepo(string relativeFolder)
    {
        var source = Path.Combine(RepoRoot, relativeFolder);
        var target = Path.Combine(Root, relativeFolder);
        if (Directory.Exists(target))
        {
            // Another test of the class copied it already: each test gets its own copy (still under Root, beside its nuget.config).
            target = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("N")[..8], relativeFolder);
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Petard.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Petard.Build.sln) was not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Petard.Build packed once";
}
