using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Amazon.Runtime;
using Petard.EndToEnd.Tests.Infrastructure;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// The packages as a user takes them: what each .nupkg carries (readme, icon, licence, release notes,
/// repository, no placeholder, symbols with SourceLink, deterministic assemblies), the libraries
/// from a feed in a fresh project outside the repository, and the emulator as an installed .NET tool.
/// </summary>
public sealed partial class PackageTests(ReleasePackages packages) : IClassFixture<ReleasePackages>
{
    // The portable PDB's SourceLink record (https://github.com/dotnet/runtime/blob/main/docs/design/specs/PortablePdb-Metadata.md).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> PackageIds => [.. ReleasePackages.Projects.Keys];

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void The_package_carries_its_readme_icon_licence_release_notes_and_repository(string id)
    {
        using var package = packages.OpenPackage(id);
        var metadata = Metadata(package);

        Assert.Equal("README.md", metadata["readme"]);
        var readme = Text(package, "README.md");
        Assert.StartsWith($"# {id}\n", readme, StringComparison.Ordinal);
        // A readme's links to the project go where the metadata says the project is.
        Assert.All(Regex.Matches(readme, @"https://github\.com/\S+"), link => Assert.StartsWith(packages.RepositoryUrl, link.Value, StringComparison.Ordinal));
        Assert.Equal("icon.png", metadata["icon"]);
        Assert.Equal(PngSignature, Bytes(package, "icon.png")[..8]);
        Assert.Equal("Apache-2.0", metadata["license"]);
        Assert.Equal(packages.RepositoryUrl, metadata["projectUrl"]);
        Assert.Equal($"git {packages.RepositoryUrl}.git {packages.Commit}", metadata["repository"]);
        Assert.StartsWith($"## {packages.Version}\n", metadata["releaseNotes"], StringComparison.Ordinal);
        Assert.EndsWith($"{packages.RepositoryUrl}/blob/main/CHANGELOG.md", metadata["releaseNotes"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void No_file_of_the_package_holds_a_placeholder_URL(string id)
    {
        using var package = packages.OpenPackage(id);

        foreach (var entry in package.Entries)
        {
            var bytes = Bytes(package, entry.FullName);
            // Metadata strings are UTF-8 (nuspec, attributes), user strings of IL are UTF-16.
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes("example.invalid")), $"{id}: {entry.FullName} holds example.invalid");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes("example.invalid")), $"{id}: {entry.FullName} holds example.invalid");
        }
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Each_assembly_of_ours_is_deterministic_and_its_embedded_PDB_links_to_the_sources_at_the_commit(string id)
    {
        using var package = packages.OpenPackage(id);
        var ours = package.Entries.Where(e => e.Name.EndsWith(".dll", StringComparison.Ordinal) && (e.Name.StartsWith("Petard.", StringComparison.Ordinal) || e.Name.StartsWith("Cake.Petard.", StringComparison.Ordinal))).ToList();
        Assert.Contains(ours, e => e.Name == (id == "Petard.Build" ? "Petard.Build.dll" : $"{id}.dll"));

        var rawSources = packages.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        foreach (var entry in ours)
        {
            using var pe = new PEReader(new MemoryStream(Bytes(package, entry.FullName)));
            var debug = pe.ReadDebugDirectory();
            // /deterministic: the PE timestamp and ids are content hashes, marked by the Reproducible entry.
            Assert.Contains(debug, e => e.Type == DebugDirectoryEntryType.Reproducible);
            var pdbEntry = Assert.Single(debug, e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            using var pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(pdbEntry);
            var pdb = pdbProvider.GetMetadataReader();

            var sourceLink = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation).Single(i => pdb.GetGuid(i.Kind) == SourceLinkKind);
            using var json = JsonDocument.Parse(pdb.GetBlobBytes(sourceLink.Value));
            var mapping = json.RootElement.GetProperty("documents").EnumerateObject().Single();
            Assert.Equal("/_/*", mapping.Name);
            Assert.Equal($"{rawSources}/{packages.Commit}/*", mapping.Value.GetString());

            // ContinuousIntegrationBuild maps the build folder to /_/: no machine path in the symbols.
            var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
            Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
            Assert.Contains(documents, d => d.StartsWith("/_/src/", StringComparison.Ordinal) && d.EndsWith(".cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_emulator_library_depends_on_exactly_its_own_version_of_Petard_Core()
    {
        using var package = packages.OpenPackage("Petard.LocalGateway");

        // It uses Petard.Core's internals: a newer Petard.Core alone could break it.
        var dependency = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "dependency");
        Assert.Equal("Petard.Core", dependency.Attribute("id")?.Value);
        Assert.Equal($"[{packages.Version}]", dependency.Attribute("version")?.Value);
    }

    [Fact]
    public void Every_MSBuild_error_help_link_starts_at_the_repository_README()
    {
        using var package = packages.OpenPackage("Petard.Build");

        // PetardErrorHelp appends "#petardnnnn" to this base, which Petard.Core (beside the task) carries as metadata.
        var core = Bytes(package, "tasks/net10.0/Petard.Core.dll");
        Assert.True(Contains(core, Encoding.UTF8.GetBytes($"{packages.RepositoryUrl}/blob/main/README.md")), "Petard.Core.dll lacks the README URL its help links start with");

        // The errors the targets raise themselves read the same base from a props file written at pack time.
        var helpBase = XDocument.Parse(Text(package, "build/Petard.Build.HelpLink.props")).Descendants("_PetardHelpBase").Single().Value;
        Assert.Equal($"{packages.RepositoryUrl}/blob/main/README.md", helpBase);
        Assert.Contains("Petard.Build.HelpLink.props", Text(package, "build/Petard.Build.props"), StringComparison.Ordinal);
        var raised = package.Entries.Where(e => e.FullName.EndsWith(".targets", StringComparison.Ordinal))
            .SelectMany(e => XDocument.Parse(Text(package, e.FullName)).Descendants().Where(d => d.Name.LocalName is "Error" or "Warning"))
            .Where(d => d.Attribute("Code")?.Value.StartsWith("PETARD", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(raised);
        Assert.All(raised, d => Assert.Equal($"$(_PetardHelpBase)#{d.Attribute("Code")!.Value.ToLowerInvariant()}", d.Attribute("HelpLink")?.Value));
    }

    [Fact]
    public async Task A_fresh_project_outside_the_repository_runs_the_package_readme_example_from_the_feed()
    {
        var app = Directory.CreateDirectory(Path.Combine(packages.Root, "user-app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="petard" value="{packages.Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="petard"><package pattern="Petard.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "UserApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Petard.Core" Version="{packages.Version}" />
                <PackageReference Include="Petard.LocalGateway" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The example as the user reads it on the package's page: its README's code block, unchanged.
        using (var package = packages.OpenPackage("Petard.LocalGateway"))
        {
            File.WriteAllText(Path.Combine(app, "Program.cs"), CSharpBlock().Match(Text(package, "README.md")).Groups["code"].Value);
        }

        var run = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["run"], app, packages.UserEnvironment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"created \w+ on http://127\.0\.0\.1:\d+/", run.Output);
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_its_command_serves_the_control_plane_on_loopback()
    {
        // Only the feed: the tool package must carry everything it runs with.
        var config = Path.Combine(packages.Root, "tool-nuget.config");
        File.WriteAllText(config, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="petard" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(packages.Root, "tools");

        var install = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["tool", "install", "Petard.LocalGateway.Tool", "--version", packages.Version, "--tool-path", tools, "--configfile", config],
            packages.Root,
            packages.UserEnvironment);

        Assert.True(install.ExitCode == 0, install.ToString());
        var help = await ProcessRunner.RunAsync(Path.Combine(tools, "petard-localgateway"), ["--help"], packages.Root, packages.UserEnvironment);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("Usage: petard-localgateway [--port N]", help.Output, StringComparison.Ordinal);
        using var tool = Process.Start(new ProcessStartInfo(Path.Combine(tools, "petard-localgateway"), ["--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var url = await ListeningUrlAsync(tool);
            using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = url, Region = "us-east-1", Credentials = new BasicAWSCredentials("petard-e2e", "petard-e2e-secret") });

            var created = await client.CreateRestApiAsync(new { name = "from-the-tool" });
            var listed = await client.ListRestApisAsync().ToListAsync();

            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            Assert.Equal(created["id"].GetString(), Assert.Single(listed)["id"].GetString());
        }
        finally
        {
            tool.Kill(entireProcessTree: true);
            await tool.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_same_commit_built_in_another_folder_gives_byte_identical_assemblies()
    {
        // A second clone of the same commit, elsewhere on disk: only a deterministic, path-mapped build gives the same bytes.
        var elsewhere = Path.Combine(packages.Root, "another", "folder", "clone");
        await ReleasePackages.GitAsync(packages.Root, "clone", "-q", packages.Clone, elsewhere);
        await ReleasePackages.GitAsync(elsewhere, "remote", "set-url", "origin", packages.RepositoryUrl + ".git");

        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "src/Petard.Core/Petard.Core.csproj", "-c", "Release", "-p:ContinuousIntegrationBuild=true", "-m:1", "--disable-build-servers"],
            elsewhere,
            new Dictionary<string, string?>());

        Assert.True(build.ExitCode == 0, build.ToString());
        using var package = packages.OpenPackage("Petard.Core");
        Assert.Equal(Bytes(package, "lib/net10.0/Petard.Core.dll"), File.ReadAllBytes(Path.Combine(elsewhere, "src/Petard.Core/bin/Release/net10.0/Petard.Core.dll")));
    }

    /// <summary>The nuspec's metadata as flat strings; the repository element as "type url commit".</summary>
    private static Dictionary<string, string> Metadata(ZipArchive package)
    {
        var metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var values = metadata.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        var repository = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository");
        values["repository"] = repository is null ? "" : $"{repository.Attribute("type")?.Value} {repository.Attribute("url")?.Value} {repository.Attribute("commit")?.Value}";
        return values;
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static byte[] Bytes(ZipArchive package, string path)
    {
        using var stream = (package.GetEntry(path) ?? throw new InvalidOperationException($"The package has no {path}")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive package, string path) => Encoding.UTF8.GetString(Bytes(package, path)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Reads the tool's output until it prints the URL it listens on.</summary>
    private static async Task<string> ListeningUrlAsync(Process tool)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new StringBuilder();
        while (await tool.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            seen.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return match.Groups["url"].Value;
            }
        }

        throw new InvalidOperationException($"petard-localgateway ended without listening:\n{seen}{await tool.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+/)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
