using System.IO.Compression;
using System.Xml.Linq;

namespace Petard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every package of the repository packed as a release build would pack it: from a git clone of the
/// working tree whose origin is the repository's URL (SourceLink reads it), in Release, with
/// <c>ContinuousIntegrationBuild=true</c>, into one feed. Packed once per test class; the clone lives
/// outside the repository, so nothing of a developer's bin/obj leaks in.
/// </summary>
public sealed class ReleasePackages : IAsyncLifetime
{
    /// <summary>The package ids a user can take, and the project each one is packed from.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["Petard.Core"] = "src/Petard.Core/Petard.Core.csproj",
        ["Petard.Build"] = "src/Petard.Build/Petard.Build.csproj",
        ["Cake.Petard"] = "src/Cake.Petard/Cake.Petard.csproj",
        ["Petard.LocalGateway"] = "src/Petard.LocalGateway/Petard.LocalGateway.csproj",
        ["Petard.LocalGateway.Tool"] = "src/Petard.LocalGateway.Tool/Petard.LocalGateway.Tool.csproj",
    };

    public string RepoRoot { get; } = Repository.File();

    public string Root { get; } = Directory.CreateTempSubdirectory("petard-packages-").FullName;

    public string Clone => Path.Combine(Root, "clone");

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The repository URL set once in build/Packaging.props, which a CI clone has as its origin.</summary>
    public string RepositoryUrl { get; private set; } = "";

    /// <summary>The commit of the clone the packages were built from.</summary>
    public string Commit { get; private set; } = "";

    public string Version { get; private set; } = "";

    /// <summary>A user's environment: a package folder of this run, so no cached Petard package of an earlier run is used.</summary>
    public Dictionary<string, string?> UserEnvironment => new() { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };

    public async Task InitializeAsync()
    {
        var packaging = XDocument.Load(Path.Combine(RepoRoot, "build", "Packaging.props"));
        RepositoryUrl = packaging.Descendants("PetardRepositoryUrl").Single().Value;
        Commit = await CloneWorkingTreeAsync(RepoRoot, Clone, RepositoryUrl);

        // One process packs all five (a solution of just them), as CI would after a clone. In one
        // MSBuild node and without build servers: nothing outlives the test, and no child node can
        // be lost while other tests build beside it (seen once: MSB4166).
        var solution = Path.Combine(Clone, "packages.slnx");
        File.WriteAllText(solution, new XElement("Solution", Projects.Values.Select(p => new XElement("Project", new XAttribute("Path", p)))).ToString());
        var pack = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["pack", solution, "-c", "Release", "-o", Feed, "-p:ContinuousIntegrationBuild=true", "-m:1", "--disable-build-servers"],
            Clone,
            new Dictionary<string, string?>(),
            TimeSpan.FromMinutes(10));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed: {pack}");
        }

        var core = Directory.GetFiles(Feed, "Petard.Core.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(core)["Petard.Core.".Length..];
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

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public ZipArchive OpenPackage(string id) => ZipFile.OpenRead(PackagePath(id));

    /// <summary>
    /// Copies what a clone would hold (tracked and new, not ignored files) into <paramref name="target"/>,
    /// commits it there and sets origin to <paramref name="origin"/>; returns the commit.
    /// </summary>
    public static async Task<string> CloneWorkingTreeAsync(string repoRoot, string target, string origin)
    {
        var files = await GitAsync(repoRoot, "ls-files", "--cached", "--others", "--exclude-standard");
        foreach (var relative in files.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
        {
            var source = Path.Combine(repoRoot, relative);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(source, Path.Combine(target, relative));
            }
        }

        await GitAsync(target, "init", "-q", "-b", "main");
        await GitAsync(target, "add", "-A");
        await GitAsync(target, "-c", "user.name=Petard tests", "-c", "user.email=tests@localhost", "commit", "-q", "-m", "snapshot of the working tree");
        await GitAsync(target, "remote", "add", "origin", origin + ".git");
        return (await GitAsync(target, "rev-parse", "HEAD")).Output.Trim();
    }

    internal static async Task<ProcessResult> GitAsync(string folder, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, folder, new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1" });
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
    }
}
