using Petard.EndToEnd.Tests.Infrastructure;

namespace Cake.Petard.Tests.EndToEnd;

/// <summary>
/// A build.cake in a fresh temporary folder with the repository's tool manifest, run by a real
/// <c>dotnet cake</c> process as a user would run it.
/// </summary>
internal sealed class CakeScript : IDisposable
{
    public CakeScript(string script)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, ".config"));
        File.Copy(Repository.PathOf(".config/dotnet-tools.json"), Path.Combine(Directory, ".config", "dotnet-tools.json"));
        File.WriteAllText(Path.Combine(Directory, "build.cake"), script);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "petard-cake-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The line that loads the addin from a local feed, as the README tells users to write it.</summary>
    public static string AddinDirective(AddinFeed feed) =>
        $"#addin nuget:{new Uri(feed.Directory + "/").AbsoluteUri}?package=Cake.Petard&version={feed.Version}";

    public void WriteFile(string name, string content) => File.WriteAllText(Path.Combine(Directory, name), content);

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, started: null);

    /// <summary>Runs the script; <paramref name="started"/> is called with the <c>dotnet cake</c> process once it runs.</summary>
    public async Task<ProcessResult> RunAsync(string[] arguments, Func<System.Diagnostics.Process, Task>? started)
    {
        var restore = await DotNet.RunAsync(Directory, ["tool", "restore"]);
        Assert.True(restore.ExitCode == 0, "dotnet tool restore failed:\n" + restore.Output);
        return await DotNet.RunAsync(Directory, ["cake", "build.cake", .. arguments], started: started);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
