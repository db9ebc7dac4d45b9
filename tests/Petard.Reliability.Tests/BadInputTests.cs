using System.Text;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Every invalid input is refused with its code before the first call: the emulator's call log
/// stays empty, so nothing can be half-changed on the service.
/// </summary>
public sealed class BadInputTests : GatewayScenario
{
    private const string Valid = "valid";

    public static TheoryData<string, string> Cases => CaseTable.NamesAndCodes(Inputs, c => c.Code);

    private static readonly Dictionary<string, (Action<DeployApiRequest, Apis> Spoil, string Code)> Inputs = new()
    {
        ["no REST API id or name"] = ((r, _) => r.RestApi.Name = null, PetardErrorCodes.MissingRestApi),
        ["empty stage name"] = ((r, _) => r.Stage.Name = "", PetardErrorCodes.InvalidStageName),
        ["blank stage name"] = ((r, _) => r.Stage.Name = "   ", PetardErrorCodes.InvalidStageName),
        ["stage name with a space"] = ((r, _) => r.Stage.Name = "my stage", PetardErrorCodes.InvalidStageName),
        ["stage name with a slash"] = ((r, _) => r.Stage.Name = "dev/1", PetardErrorCodes.InvalidStageName),
        ["stage name with a non-ASCII letter"] = ((r, _) => r.Stage.Name = "développement", PetardErrorCodes.InvalidStageName),
        ["stage name of 129 characters"] = ((r, _) => r.Stage.Name = new string('s', 129), PetardErrorCodes.InvalidStageName),
        ["empty variable name"] = ((r, _) => r.Stage.Variables![""] = "x", PetardErrorCodes.InvalidStageVariable),
        ["variable name with a hyphen"] = ((r, _) => r.Stage.Variables!["log-level"] = "x", PetardErrorCodes.InvalidStageVariable),
        ["variable name of 65 characters"] = ((r, _) => r.Stage.Variables![new string('v', 65)] = "x", PetardErrorCodes.InvalidStageVariable),
        ["empty variable value"] = ((r, _) => r.Stage.Variables!["release"] = "", PetardErrorCodes.InvalidStageVariable),
        ["variable value with a space"] = ((r, _) => r.Stage.Variables!["release"] = "r 2", PetardErrorCodes.InvalidStageVariable),
        ["variable value with a quote"] = ((r, _) => r.Stage.Variables!["release"] = "r\"2", PetardErrorCodes.InvalidStageVariable),
        ["variable value of 513 characters"] = ((r, _) => r.Stage.Variables!["release"] = new string('r', 513), PetardErrorCodes.InvalidStageVariable),
        ["method setting path with three parts"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/throttling/rateLimit", "10")), PetardErrorCodes.InvalidInput),
        ["method setting path with an unknown setting"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/throttling/speed", "10")), PetardErrorCodes.InvalidInput),
        ["method setting path with an empty method"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("~1pets//logging/loglevel", "INFO")), PetardErrorCodes.InvalidInput),
        ["method setting rateLimit that is not a number"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/throttling/rateLimit", "fast")), PetardErrorCodes.InvalidInput),
        ["method setting loglevel that is not a level"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/logging/loglevel", "LOUD")), PetardErrorCodes.InvalidInput),
        ["method setting rateLimit NaN"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/throttling/rateLimit", "NaN")), PetardErrorCodes.InvalidInput),
        ["method setting rateLimit of 400 digits"] = ((r, _) => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/throttling/rateLimit", new string('9', 400))), PetardErrorCodes.InvalidInput),
        ["cache cluster size the service does not offer"] = ((r, _) => r.Stage.CacheClusterSize = "3", PetardErrorCodes.InvalidInput),
        ["put mode that is neither overwrite nor merge"] = ((r, _) => r.Import.PutMode = (PutMode)2, PetardErrorCodes.InvalidInput),
        ["OpenAPI file that does not exist"] = ((r, a) => r.Import.OpenApiFile = Path.Combine(a.Folder, "nowhere.yaml"), PetardErrorCodes.OpenApiFileMissing),
        ["OpenAPI file that is a folder"] = ((r, a) => r.Import.OpenApiFile = a.Folder, PetardErrorCodes.OpenApiFileMissing),
        ["OpenAPI file that is empty"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("empty.yaml", []), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file with invalid YAML"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("bad.yaml", Encoding.UTF8.GetBytes("openapi: 3.0.1\ninfo:\n  title: [unclosed\n")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file with invalid JSON"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("bad.json", Encoding.UTF8.GetBytes("{\"openapi\": \"3.0.1\", \"info\": {")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file that is a YAML list"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("list.yaml", Encoding.UTF8.GetBytes("- openapi\n- 3.0.1\n")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file of Swagger 1.2"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("old.json", Encoding.UTF8.GetBytes("{\"swagger\":\"1.2\",\"info\":{\"title\":\"t\"}}")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file without info"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("noinfo.yaml", Encoding.UTF8.GetBytes("openapi: 3.0.1\npaths: {}\n")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file that is not UTF-8"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("latin1.yaml", [.. Encoding.ASCII.GetBytes("openapi: 3.0.1\ninfo:\n  title: caf"), 0xE9, 0x0A]), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file over 6 MB"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("huge.json", Encoding.UTF8.GetBytes("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"x-pad\":\"" + new string('p', 6 * 1024 * 1024) + "\"}")), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file that is a YAML alias bomb"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("bomb.yaml", Encoding.UTF8.GetBytes(AliasBomb())), PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file that is a link to /dev/zero"] = ((r, a) => r.Import.OpenApiFile = File.CreateSymbolicLink(Path.Combine(a.Folder, "zero.yaml"), "/dev/zero").FullName, PetardErrorCodes.OpenApiFileInvalid),
        ["OpenAPI file that is a named pipe"] = ((r, a) => r.Import.OpenApiFile = NamedPipe(a.Folder), PetardErrorCodes.OpenApiFileMissing),
        ["OpenAPI file nested 100,000 deep"] = ((r, a) => r.Import.OpenApiFile = a.WriteRaw("deep.yaml", Encoding.UTF8.GetBytes("openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n")), PetardErrorCodes.OpenApiFileInvalid),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_invalid_input_is_refused_with_its_code_before_any_call(string input, string code)
    {
        var request = Request("orders", Apis.Write("orders", Valid));
        Inputs[input].Spoil(request, Apis);
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(request));

        Assert.Equal(code, error.Code);
        Assert.Empty(Gateway.Calls);
    }

    /// <summary>Nine levels of nine aliases each: about 387 million nodes once expanded, in a few hundred bytes.</summary>
    private static string AliasBomb()
    {
        var lines = new List<string> { "openapi: 3.0.1", "info: {title: t, version: '1'}", "x-a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]" };
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Add($"x-{level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]");
        }

        lines.Add("paths: {}");
        return string.Join('\n', lines) + "\n";
    }

    private static string NamedPipe(string folder)
    {
        var pipe = Path.Combine(folder, "pipe.yaml");
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]);
        mkfifo.WaitForExit();
        return pipe;
    }

    [Fact]
    public async Task An_OpenAPI_file_another_process_holds_locked_is_reported_unreadable_before_any_call()
    {
        var file = Apis.Write("orders", Valid);
        using var locked = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(Request("orders", file)));

        Assert.Equal(PetardErrorCodes.OpenApiFileMissing, error.Code);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Empty(Gateway.Calls);
    }
}
