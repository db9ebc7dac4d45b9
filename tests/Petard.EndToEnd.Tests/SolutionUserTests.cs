using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// A team's solution, fresh, outside the repository, with the packed package: two API projects that
/// use Petard.Build (without PrivateAssets="all"), a class library they share, and a test project
/// that references one of the APIs, so Petard's targets reach it through buildTransitive/. Real
/// `dotnet build` processes of the whole solution, as CI runs them, against an in-process emulator.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class SolutionUserTests(PackedFeed feed) : IAsyncLifetime
{
    private static readonly string[] ApiProjects = ["OrdersApi", "PaymentsApi"];

    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task A_solution_deploys_each_API_project_once_and_skips_the_library_and_the_tests()
    {
        var solution = WriteSolution();

        // -t:DeployApi on the solution: the library has no DeployApi (MSB4057 without Petard.Solution.targets).
        var deploy = await BuildAsync(solution, "-t:DeployApi", "-tl:off");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.DoesNotContain("MSB4057", deploy.Output, StringComparison.Ordinal);
        Assert.Equal(ApiProjects, RestApiNames());
        foreach (var api in ApiProjects)
        {
            Assert.Single(Regex.Matches(deploy.Output, $@"^\s*{api} -> stage 'dev' of REST API \w+ \(.*created stage 'dev'.*\): http://", RegexOptions.Multiline));
        }

        Assert.Contains("Shop.Tests -> Petard: nothing to deploy", deploy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Core -> Petard", deploy.Output, StringComparison.Ordinal);

        // With -m the projects deploy in parallel: every Petard line says whose it is.
        var petardLines = deploy.Output.Split('\n').Where(line => line.Contains("Petard: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(petardLines);
        Assert.All(petardLines, line => Assert.Matches(@"^\s*(OrdersApi|PaymentsApi|Shop\.Tests)(: | -> )Petard: ", line));

        // Deploy-on-build for the whole solution, with the terminal logger (-tl:on, what an interactive
        // terminal gets by default): the one changed API deploys, the other is up to date, each once;
        // the terminal logger shows what changed as each project's result.
        File.WriteAllText(Path.Combine(solution, "PaymentsApi", "openapi.json"), UserProjects.OpenApi("PaymentsApi", "/refunds"));
        gateway.Calls.Clear();

        var onBuild = await BuildAsync(solution, "-p:PetardDeployOnBuild=true", "-tl:on");

        Assert.True(onBuild.ExitCode == 0, onBuild.ToString());
        Assert.Equal(["CreateDeployment"], gateway.Calls.Where(call => call == "CreateDeployment"));
        var results = Plain(onBuild.Output).Split('\n').Where(line => line.Contains("→ stage 'dev'", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, results.Count);
        Assert.Single(results, line => Regex.IsMatch(line, @"OrdersApi net10\.0 succeeded .*→ stage 'dev' of REST API \w+ \(up to date\): http://"));
        Assert.Single(results, line => Regex.IsMatch(line, @"PaymentsApi net10\.0 succeeded .*→ stage 'dev' of REST API \w+ \(.*created deployment \w+.*\): http://"));
        Assert.Equal(ApiProjects, RestApiNames());
    }

    private Task<ProcessResult> BuildAsync(string solution, params string[] arguments) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "Shop.sln", "-m", "--disable-build-servers", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false", .. arguments],
            solution,
            feed.Environment);

    private List<string> RestApiNames() =>
        gateway.Snapshot()["restApis"]!.AsObject().Select(api => api.Value!["api"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    // The terminal logger's colors and cursor movements, removed.
    private static string Plain(string output) => Regex.Replace(output, @"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x1b\x07]*(\x1b\\|\x07)", "");

    private string WriteSolution()
    {
        var solution = Path.Combine(feed.Root, "shop-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(solution);
        feed.WriteNuGetConfig(solution);

        // The one line the README asks for: `-t:DeployApi` on a solution.
        File.WriteAllText(Path.Combine(solution, "Directory.Solution.targets"), $"""<Project><Import Project="Petard.Solution.targets" Sdk="Petard.Build" Version="{feed.Version}" /></Project>""");

        WriteProject(solution, "Shop.Core", "");
        foreach (var api in ApiProjects)
        {
            WriteProject(solution, api, $"""
                  <PropertyGroup>
                    <PetardRestApiName>{api}</PetardRestApiName>
                    <PetardStageName>dev</PetardStageName>
                    <PetardOpenApiFile>openapi.json</PetardOpenApiFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Petard.Build" Version="{feed.Version}" />
                    <ProjectReference Include="../Shop.Core/Shop.Core.csproj" />
                  </ItemGroup>
                """);
            File.WriteAllText(Path.Combine(solution, api, "openapi.json"), UserProjects.OpenApi(api, "/ping"));
        }

        // The APIs reference Petard.Build without PrivateAssets="all" (as many projects do), so its
        // targets reach the test project through this reference (buildTransitive/).
        WriteProject(solution, "Shop.Tests", """
              <ItemGroup>
                <ProjectReference Include="../OrdersApi/OrdersApi.csproj" />
              </ItemGroup>
            """);

        string[] projects = ["Shop.Core", .. ApiProjects, "Shop.Tests"];
        File.WriteAllText(Path.Combine(solution, "Shop.sln"), SolutionFile.For(projects));
        return solution;
    }

    private static void WriteProject(string solution, string name, string body)
    {
        Directory.CreateDirectory(Path.Combine(solution, name));
        File.WriteAllText(Path.Combine(solution, name, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            {body}</Project>
            """);
    }
}
