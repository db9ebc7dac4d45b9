namespace Cake.Petard.Tests.EndToEnd;

/// <summary>
/// A temporary NuGet feed holding Cake.Petard packed from this build (once per test run), as a user
/// gets it: the addin with Petard.Core and the AWS SDK assemblies bundled in its lib folder.
/// </summary>
public sealed class AddinFeed : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "petard-cake-feed-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; private set; } = "";

    /// <summary>The .nupkg file.</summary>
    public string Package { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The test project references Cake.Petard, so this configuration's build is already there.
        var (exitCode, output) = await DotNet.RunAsync(
            Repository.Root,
            ["pack", Repository.PathOf("src/Cake.Petard/Cake.Petard.csproj"), "--configuration", Repository.Configuration, "--no-build", "--output", Directory]);
        Assert.True(exitCode == 0, "dotnet pack of Cake.Petard failed:\n" + output);
        Package = System.IO.Directory.GetFiles(Directory, "Cake.Petard.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(Package)["Cake.Petard.".Length..];
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
