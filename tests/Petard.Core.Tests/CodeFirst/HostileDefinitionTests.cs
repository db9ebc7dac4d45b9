using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>
/// Definitions of odd shapes go through conversion and integrations as bad input (a coded error
/// about the file) or unchanged, never as PETARD1017, and always before any call.
/// </summary>
public sealed class HostileDefinitionTests : IDisposable
{
    private const string Info = "info: {title: hostile, version: '1'}\n";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string, string> Definitions => new()
    {
        { "complex-key.yaml", "openapi: 3.1.0\n" + Info + "paths:\n  ? [a, b]\n  : {}\n", PetardErrorCodes.OpenApiFileInvalid },
        { "alias-key.yaml", "openapi: 3.1.0\ninfo: &i {title: hostile, version: '1'}\npaths:\n  *i : {}\n", PetardErrorCodes.OpenApiFileInvalid },
        { "duplicate-key.json", """{"openapi":"3.1.0","info":{"title":"a","title":"b","version":"1"},"paths":{}}""", PetardErrorCodes.OpenApiFileInvalid },
        { "huge-number.yaml", "openapi: 3.1.0\n" + Info + "paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1e999}\n", "" },
        { "lists-for-objects.yaml", "openapi: 3.1.0\n" + Info + "paths:\n  - /a\ncomponents:\n  securitySchemes: [mutualTLS]\n  schemas: {A: {oneOf: [null, {type: 'null'}]}, B: [1]}\n", "" },
        { "string-path-item.yaml", "openapi: 3.1.0\n" + Info + "paths:\n  /a: get\n  /b: {get: [x], post: {parameters: [1, {in: path}]}}\n", PetardErrorCodes.NoIntegration },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task An_odd_definition_is_bad_input_or_goes_through_but_never_a_bug(string name, string content, string code)
    {
        var gateway = new ScriptedGateway().On("GET", "/restapis", """{"item":[]}""");
        using var client = gateway.Client();
        var file = temp.Write(name, content);
        var request = new DeployApiRequest { RestApi = { Name = "hostile" }, Stage = { Name = "dev" }, Import = { OpenApiFile = file }, DryRun = true };

        var error = await Record.ExceptionAsync(() => new PetardDeployer(client).DeployApiAsync(request));

        if (code.Length == 0)
        {
            Assert.Null(error); // a dry run that would create the API from it
            Assert.Equal(["GET /restapis?limit=500"], gateway.Requests);
        }
        else
        {
            Assert.Equal(code, Assert.IsType<PetardException>(error).Code);
            Assert.Empty(gateway.Requests);
        }
    }
}
