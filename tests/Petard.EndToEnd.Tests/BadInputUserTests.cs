using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// Issue 11's "every failure is a coded error at the right place" and "say what matters", as a user
/// meets them: a fresh project on the packed Petard.Build, `dotnet build -t:DeployApi` in a process of
/// its own, and what the console shows. Each error is a PETARD code, located in the user's project or
/// at the OpenAPI file's line, never MSB4018/MSB4181/MSB4044, a stack trace or the package's targets.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class BadInputUserTests(PackedFeed feed) : IAsyncLifetime
{
    // The bracket opened on line 8 is never closed; the lines after it are what YamlDotNet's loader trips on.
    private const string UnclosedYaml = "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n  /a:\n    get:\n      summary: [unclosed\n      responses:\n        \"200\":\n          description: ok\n";

    // An HTTP integration whose URI has no scheme, on line 14: API Gateway's import refuses it.
    private const string SchemelessUriYaml = """
        openapi: 3.0.1
        info:
          title: BadApi
          version: "1"
        paths:
          /x:
            get:
              responses:
                "200":
                  description: ok
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: example.com/x
        """;

    private const string TabYaml = "openapi: 3.0.1\ninfo:\n  title: x\n  version: \"1\"\npaths:\n\t/a: {}\n";

    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    /// <summary>The bad inputs, each set on the command line of a fresh project that deploys fine without it.</summary>
    public static TheoryData<string> Cases => ["YAML typo", "tab on line 6", "folder as OpenAPI file", "region with ;", "credential provider failure", "no stage name", "endpoint without scheme", "integration URI without scheme"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_fails_the_build_with_its_PETARD_code_where_the_user_can_click_it(string input)
    {
        var folder = UserProjects.Write(feed, "BadApi", "<PetardRestApiName>BadApi</PetardRestApiName>");
        var project = Path.Combine(folder, "BadApi.csproj");
        File.WriteAllText(Path.Combine(folder, "unclosed.yaml"), UnclosedYaml);
        File.WriteAllText(Path.Combine(folder, "tab.yaml"), TabYaml);
        File.WriteAllText(Path.Combine(folder, "schemeless.yaml"), SchemelessUriYaml);
        Directory.CreateDirectory(Path.Combine(folder, "api"));
        var environment = feed.Environment;
        var (arguments, expected) = input switch
        {
            "YAML typo" => (new[] { "-p:PetardOpenApiFile=unclosed.yaml" }, $@"{Regex.Escape(Path.Combine(folder, "unclosed.yaml"))}\(8[,)].*error PETARD1007:"),
            "tab on line 6" => (new[] { "-p:PetardOpenApiFile=tab.yaml" }, $@"{Regex.Escape(Path.Combine(folder, "tab.yaml"))}\(6[,)].*error PETARD1007:"),
            "folder as OpenAPI file" => (new[] { "-p:PetardOpenApiFile=api" }, $@"{Regex.Escape(project)}.*error PETARD1006:.*is a folder"),
            "region with ;" => (new[] { "-p:PetardRegion=eu-west-1%3Brm" }, $@"{Regex.Escape(project)}.*error PETARD1009:.*eu-west-1;rm"),
            "credential provider failure" => (new[] { "-p:PetardProfile=broken" }, $@"{Regex.Escape(project)}.*error PETARD1008:"),
            "no stage name" => (new[] { "-p:PetardStageName=" }, $@"{Regex.Escape(project)}.*error PETARD1004:"),
            "endpoint without scheme" => (new[] { "-p:PetardEndpointUrl=localhost:4567" }, $@"{Regex.Escape(project)}.*error PETARD1012:.*localhost:4567"),
            "integration URI without scheme" => (new[] { "-p:PetardOpenApiFile=schemeless.yaml" }, $@"{Regex.Escape(Path.Combine(folder, "schemeless.yaml"))}\(14[,)].*error PETARD1007:.*Invalid HTTP endpoint specified for URI.*example\.com/x"),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        if (input == "credential provider failure")
        {
            // A profile whose credential provider fails when asked, as an expired SSO session or a refused assume-role does.
            var config = Path.Combine(folder, "aws-config");
            File.WriteAllText(config, "[profile broken]\nregion = us-east-1\ncredential_process = /bin/false\n");
            environment["AWS_CONFIG_FILE"] = config;
        }

        var build = await BuildAsync(folder, environment, arguments);

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(expected, build.Output);
        AssertNoMSBuildCrash(build);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public async Task Typos_ignored_import_parts_and_an_untracked_API_are_coded_warnings_and_variable_values_never_show()
    {
        const string secret = "sk_live_51Hx0secret";
        var folder = UserProjects.Write(feed, "LoudApi", $"""
            <PetardRestApiName>LoudApi</PetardRestApiName>
                <PetardOpenApi>openapi.json</PetardOpenApi>
              </PropertyGroup>
              <ItemGroup>
                <PetardStageVariable Include="backend" Value="{secret}" />
              </ItemGroup>
              <PropertyGroup>
            """);
        var project = Path.Combine(folder, "LoudApi.csproj");
        // A method API Gateway does not import: its warning must reach the user.
        File.WriteAllText(Path.Combine(folder, "openapi.json"), UserProjects.OpenApi("LoudApi", "/ping").Replace("\"get\":", "\"trace\": { \"responses\": { \"200\": { \"description\": \"ok\" } } }, \"get\":", StringComparison.Ordinal));

        var deploy = await BuildAsync(folder, feed.Environment, ["-v:d"]);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        var typoLine = File.ReadAllLines(project).ToList().FindIndex(l => l.Contains("<PetardOpenApi>", StringComparison.Ordinal)) + 1;
        Assert.Matches($@"{Regex.Escape(project)}\({typoLine}[,)].*warning PETARD2004: .*Did you mean PetardOpenApiFile\?", deploy.Output);
        Assert.Matches($@"{Regex.Escape(project)}.*warning PETARD2002: .*Unsupported HTTP method 'trace'", deploy.Output);
        Assert.Contains("backend", deploy.Output, StringComparison.Ordinal);
        // MSBuild itself lists task parameters at this verbosity; no line of Petard's holds the value.
        Assert.DoesNotContain(deploy.Output.Split('\n'), line => line.Contains("Petard", StringComparison.Ordinal) && line.Contains(secret, StringComparison.Ordinal));

        // Without an OpenAPI file or triggers Petard cannot tell a change: a coded warning, every build.
        var untracked = await BuildAsync(folder, feed.Environment, ["-p:PetardOpenApiFile="]);

        Assert.True(untracked.ExitCode == 0, untracked.ToString());
        Assert.Matches($@"{Regex.Escape(project)}.*warning PETARD2001:", untracked.Output);
        AssertNoMSBuildCrash(untracked);
    }

    private static void AssertNoMSBuildCrash(ProcessResult build)
    {
        foreach (var crash in new[] { "MSB4018", "MSB4181", "MSB4044", "   at ", "Exception:", "Petard.Build.targets(" })
        {
            Assert.DoesNotContain(crash, build.Output, StringComparison.Ordinal);
        }
    }

    private Task<ProcessResult> BuildAsync(string folder, Dictionary<string, string?> environment, string[] arguments) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-tl:off", "-t:DeployApi", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false", .. arguments],
            folder,
            environment);
}
