using Xunit;
using Petard.Workflows;

namespace Petard.Core.Tests.Workflows;

/// <summary>The workflows against a scripted HTTP handler: what is checked before any call, and the exact calls sent.</summary>
public sealed class WorkflowTests : IDisposable
{
    private const string Api = """{"id":"abc123","name":"HelloApi"}""";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static DeployApiRequest Deploy(string? name, string stage, string? file, Action<DeployApiRequest>? more = null)
    {
        var request = new DeployApiRequest { RestApi = { Name = name }, Stage = { Name = stage }, Import = { OpenApiFile = file } };
        more?.Invoke(request);
        return request;
    }

    public static TheoryData<string, Func<string, DeployApiRequest>> BadInputs => new()
    {
        { PetardErrorCodes.MissingRestApi, file => Deploy(null, "dev", file) },
        { PetardErrorCodes.InvalidStageName, file => Deploy("HelloApi", "dev stage", file) },
        { PetardErrorCodes.InvalidStageName, file => Deploy("HelloApi", "", file) },
        { PetardErrorCodes.InvalidStageVariable, file => Deploy("HelloApi", "dev", file, r => r.Stage.Variables = new Dictionary<string, string> { ["bad-name"] = "x" }) },
        { PetardErrorCodes.InvalidStageVariable, file => Deploy("HelloApi", "dev", file, r => r.Stage.Variables = new Dictionary<string, string> { ["env"] = "has space" }) },
        { PetardErrorCodes.InvalidStageVariable, file => Deploy("HelloApi", "dev", file, r => r.Stage.Variables = new Dictionary<string, string> { ["env"] = new string('a', 513) }) },
        { PetardErrorCodes.OpenApiFileMissing, file => Deploy("HelloApi", "dev", file + ".missing") },
        { PetardErrorCodes.InvalidInput, file => Deploy("HelloApi", "dev", file, r => r.Import.PutMode = (PutMode)7) },
        { PetardErrorCodes.InvalidInput, file => Deploy("HelloApi", "dev", file, r => r.Stage.MethodSettings.Add(MethodSetting.FromPath("*/*/throttling/speed", "1"))) },
        { PetardErrorCodes.InvalidInput, file => Deploy("HelloApi", "dev", file, r => r.Stage.MethodSettings.Add(MethodSetting.FromPath("pets/GET/throttling/rateLimit", "1"))) },
        { PetardErrorCodes.InvalidInput, file => Deploy("HelloApi", "dev", file, r => r.Stage.MethodSettings.Add(new MethodSetting("/pets/GET", "logging/loglevel", "LOUD"))) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_fails_with_its_code_before_any_call(string code, Func<string, DeployApiRequest> request)
    {
        var gateway = new ScriptedGateway();
        using var client = gateway.Client();
        var file = temp.Write("openapi.yaml", OpenApi.Yaml());

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(request(file)));

        Assert.Equal(code, error.Code);
        Assert.Empty(gateway.Requests);
    }

    [Theory]
    [InlineData("notes.yaml", "title: not an api\n")]
    [InlineData("broken.yaml", "openapi: 3.0.1\ninfo: [unclosed\n")]
    [InlineData("broken.json", "{ \"openapi\": \"3.0.1\", ")]
    [InlineData("old.json", """{ "swagger": "1.2", "info": { "title": "x" } }""")]
    [InlineData("noinfo.yaml", "swagger: \"2.0\"\npaths: {}\n")]
    [InlineData("list.yaml", "- a\n- b\n")]
    public async Task An_invalid_OpenAPI_file_is_PETARD1007_naming_the_file(string name, string content)
    {
        var gateway = new ScriptedGateway();
        using var client = gateway.Client();
        var file = temp.Write(name, content);

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).ImportRestApiAsync(new ImportRestApiRequest { RestApi = { Name = "HelloApi" }, Import = { OpenApiFile = file } }));

        Assert.Equal(PetardErrorCodes.OpenApiFileInvalid, error.Code);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task An_OpenAPI_file_over_6_MB_is_refused_before_any_call()
    {
        var gateway = new ScriptedGateway();
        using var client = gateway.Client();
        var file = temp.Write("huge.yaml", OpenApi.Yaml() + "\n# " + new string('x', 6 * 1024 * 1024));

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).ImportRestApiAsync(new ImportRestApiRequest { RestApi = { Name = "HelloApi" }, Import = { OpenApiFile = file } }));

        Assert.Equal(PetardErrorCodes.OpenApiFileInvalid, error.Code);
        Assert.Contains("6 MB", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task A_JSON_swagger_2_file_is_put_with_the_requested_mode_and_flags()
    {
        var gateway = new ScriptedGateway().On("GET", "/restapis/abc123", Api).On("PUT", "/restapis/abc123", Api);
        using var client = gateway.Client();
        var file = temp.Write("swagger.json", """{ "swagger": "2.0", "info": { "title": "HelloApi", "version": "1" }, "paths": {} }""");

        var result = await new PetardDeployer(client).ImportRestApiAsync(new ImportRestApiRequest { RestApi = { Id = "abc123" }, Import = { OpenApiFile = file, PutMode = PutMode.Merge, FailOnWarnings = true } });

        Assert.Equal(["GetRestApi", "PutRestApi"], result.Calls);
        Assert.Equal("PUT /restapis/abc123?mode=merge&failonwarnings=true", gateway.Requests[1]);
        Assert.Equal(File.ReadAllText(file), gateway.Bodies[1]);
    }

    [Fact]
    public async Task A_name_is_looked_up_on_every_page()
    {
        var gateway = new ScriptedGateway()
            .On("GET", "/restapis?limit=500", """{"item":[{"id":"other1","name":"Other"}],"position":"p2"}""")
            .On("GET", "/restapis?limit=500&position=p2", """{"item":[{"id":"abc123","name":"HelloApi"}]}""");
        using var client = gateway.Client();

        var result = await new PetardDeployer(client).ResolveRestApiAsync(new ResolveRestApiRequest { RestApi = { Name = "HelloApi" } });

        Assert.Equal("abc123", result.RestApiId);
        Assert.Equal(["GetRestApis", "GetRestApis"], result.Calls);
        Assert.False(result.Changed);
    }

    [Fact]
    public async Task Two_APIs_with_the_name_is_PETARD1003_listing_both_ids()
    {
        var gateway = new ScriptedGateway().On("GET", "/restapis", """{"item":[{"id":"aaa111","name":"HelloApi"},{"id":"bbb222","name":"HelloApi"}]}""");
        using var client = gateway.Client();

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).ResolveRestApiAsync(new ResolveRestApiRequest { RestApi = { Name = "HelloApi" } }));

        Assert.Equal(PetardErrorCodes.RestApiAmbiguous, error.Code);
        Assert.Contains("aaa111, bbb222", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_name_without_creation_is_PETARD1002_and_writes_nothing()
    {
        var gateway = new ScriptedGateway().On("GET", "/restapis", """{"item":[]}""");
        using var client = gateway.Client();
        var file = temp.Write("openapi.yaml", OpenApi.Yaml());

        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(Deploy("HelloApi", "dev", file, r => r.Import.CreateRestApi = false)));

        Assert.Equal(PetardErrorCodes.RestApiNotFound, error.Code);
        Assert.Equal(["GET /restapis?limit=500"], gateway.Requests);
    }

    [Fact]
    public async Task Only_the_stage_settings_that_differ_are_patched_in_one_call()
    {
        var gateway = new ScriptedGateway()
            .On("GET", "/restapis/abc123", Api)
            .On("GET", "/restapis/abc123/stages/dev", """
                {"stageName":"dev","deploymentId":"dep1","description":"Dev","tracingEnabled":false,
                 "variables":{"keep":"1","change":"old","drop":"x"},
                 "methodSettings":{"*/*":{"throttlingRateLimit":100.0,"loggingLevel":"OFF"}}}
                """)
            .On("PATCH", "/restapis/abc123/stages/dev", """{"stageName":"dev"}""");
        using var client = gateway.Client();
        var request = new EnsureStageRequest
        {
            RestApi = { Id = "abc123" },
            DeploymentId = "dep1",
            Stage =
            {
                Name = "dev",
                Description = "Dev",
                TracingEnabled = true,
                Variables = new Dictionary<string, string> { ["keep"] = "1", ["change"] = "new", ["add"] = "y" },
                MethodSettings = { MethodSetting.FromPath("*/*/throttling/rateLimit", "100"), MethodSetting.FromPath("*/*/logging/loglevel", "INFO") },
            },
        };

        var result = await new PetardDeployer(client).EnsureStageAsync(request);

        Assert.Equal(["GetRestApi", "GetStage", "UpdateStage"], result.Calls);
        Assert.Equal(
            """{"patchOperations":[{"op":"replace","path":"/tracingEnabled","value":"true"},{"op":"replace","path":"/variables/add","value":"y"},{"op":"replace","path":"/variables/change","value":"new"},{"op":"remove","path":"/variables/drop"},{"op":"replace","path":"/*/*/logging/loglevel","value":"INFO"}]}""",
            gateway.Bodies[2]);
        Assert.Contains("added stage variable add; changed stage variable change; removed stage variable drop", result.Changes[0], StringComparison.Ordinal);
        Assert.DoesNotContain("old", result.Changes[0], StringComparison.Ordinal); // a variable's value may be a secret: never in a change line
        Assert.DoesNotContain("new", result.Changes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_that_matches_gets_no_call_and_no_change()
    {
        var gateway = new ScriptedGateway()
            .On("GET", "/restapis/abc123", Api)
            .On("GET", "/restapis/abc123/stages/dev", """{"stageName":"dev","deploymentId":"dep1","variables":{"env":"dev"}}""");
        using var client = gateway.Client();

        var result = await new PetardDeployer(client).EnsureStageAsync(new EnsureStageRequest { RestApi = { Id = "abc123" }, DeploymentId = "dep1", Stage = { Name = "dev", TracingEnabled = false, Variables = new Dictionary<string, string> { ["env"] = "dev" } } });

        Assert.Equal(["GetRestApi", "GetStage"], result.Calls);
        Assert.False(result.Changed);
        Assert.Equal("https://abc123.execute-api.eu-west-1.amazonaws.com/dev", result.InvokeUrl);
    }

    [Fact]
    public async Task A_dry_run_reads_only_and_reports_the_plan()
    {
        var gateway = new ScriptedGateway()
            .On("GET", "/restapis", """{"item":[{"id":"abc123","name":"HelloApi"}]}""")
            .NotFound("GET", "/restapis/abc123/stages/dev");
        using var client = gateway.Client();
        var file = temp.Write("openapi.yaml", OpenApi.Yaml());

        var result = await new PetardDeployer(client).DeployApiAsync(Deploy("HelloApi", "dev", file, r => r.DryRun = true));

        Assert.All(gateway.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.True(result.DryRun);
        Assert.True(result.Changed);
        Assert.Equal(["would have put openapi.yaml into REST API abc123 (overwrite)", "would have created a deployment", "would have created stage 'dev'"], result.Changes);
        Assert.Null(result.DeploymentId);
    }

    [Fact]
    public async Task A_new_API_is_imported_under_the_name_of_the_setting_not_the_title()
    {
        var gateway = new ScriptedGateway()
            .On("GET", "/restapis", """{"item":[]}""")
            .On("POST", "/restapis?", """{"id":"new123","name":"HelloApi"}""", System.Net.HttpStatusCode.Created)
            .On("POST", "/restapis/new123/deployments", """{"id":"dep9"}""", System.Net.HttpStatusCode.Created)
            .On("GET", "/restapis/new123/deployments", """{"item":[]}""")
            .On("POST", "/restapis/new123/stages", """{"stageName":"dev"}""", System.Net.HttpStatusCode.Created);
        using var client = gateway.Client();
        var file = temp.Write("openapi.yaml", OpenApi.Yaml(title: "Title In File"));

        var result = await new PetardDeployer(client).DeployApiAsync(Deploy("HelloApi", "dev", file));

        Assert.Equal(["GetRestApis", "ImportRestApi", "GetRestApis", "CreateDeployment", "GetDeployments", "CreateStage"], result.Calls);
        Assert.Equal("POST /restapis?mode=import", gateway.Requests[1]);
        Assert.Contains("title: \"HelloApi\"", gateway.Bodies[1], StringComparison.Ordinal); // the import names the API after info.title
        Assert.DoesNotContain("Title In File", gateway.Bodies[1], StringComparison.Ordinal);
        Assert.Equal(("new123", "dep9"), (result.RestApiId, result.DeploymentId));
        Assert.Matches(@"\[petard-fingerprint:[0-9a-f]{32}\]", gateway.Bodies[3]);
    }
}
