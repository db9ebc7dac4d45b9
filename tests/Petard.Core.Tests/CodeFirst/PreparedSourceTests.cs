using Amazon.Runtime;
using Petard.Local;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.CodeFirst;

/// <summary>
/// obj/'s memory of an OpenAPI file that goes as it is (the cold path, issue 16): an unchanged file
/// is not parsed again, and nothing a full read would report is lost by it.
/// </summary>
public sealed class PreparedSourceTests : IDisposable
{
    private const string Sent = """
        openapi: 3.0.1
        info: { title: Hello, version: "1" }
        paths:
          /hello:
            get:
              responses: { "200": { description: OK } }
              x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' } }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Stamp => Path.Combine(temp.Path, "obj", "deployed.yaml.source");

    private static PetardClient Client(LocalGateway gateway) => PetardClient.Create(new PetardClientOptions
    {
        Credentials = new BasicAWSCredentials("AKIDPETARDTEST", "secret"),
        Region = "eu-west-1",
        EndpointUrl = gateway.Url,
    });

    private DeployApiRequest Request(string file) => new()
    {
        RestApi = { Name = "Hello" },
        Stage = { Name = "dev" },
        Import = { OpenApiFile = file, DeployedDocumentFile = Path.Combine(temp.Path, "obj", "deployed.yaml") },
    };

    [Fact]
    public async Task A_file_sent_as_it_is_is_remembered_and_an_edit_that_breaks_it_is_still_reported_at_its_line()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var file = temp.Write("openapi.yaml", Sent);

        await new PetardDeployer(client).DeployApiAsync(Request(file));
        var remembered = File.ReadAllText(Stamp);
        var unchanged = await new PetardDeployer(client).DeployApiAsync(Request(file));
        File.WriteAllText(file, Sent.Replace("paths:", "paths: [", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<PetardException>(() => new PetardDeployer(client).DeployApiAsync(Request(file)));

        Assert.False(unchanged.Changed);
        Assert.Equal(remembered, File.ReadAllText(Stamp));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "obj", "deployed.yaml")), System.Text.Encoding.UTF8.GetBytes(Sent));
        Assert.Equal(PetardErrorCodes.OpenApiFileInvalid, error.Code);
        Assert.Contains("openapi.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_something_to_report_is_read_in_full_every_time_so_its_warning_shows_every_time()
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = Client(gateway);
        var file = temp.Write("openapi.yaml", Sent.Replace("openapi: 3.0.1", "openapi: 3.1.0", StringComparison.Ordinal)
            .Replace("responses: {", "parameters: [ { name: q, in: query, schema: { type: array, prefixItems: [ { type: number } ] } } ]\n      responses: {", StringComparison.Ordinal));
        var first = new WarningLog();
        var second = new WarningLog();

        await new PetardDeployer(client, first).DeployApiAsync(Request(file));
        await new PetardDeployer(client, second).DeployApiAsync(Request(file));

        Assert.Equal(PetardErrorCodes.OpenApi31Dropped, Assert.Single(first.Warnings).Code);
        Assert.Equal(PetardErrorCodes.OpenApi31Dropped, Assert.Single(second.Warnings).Code);
        Assert.False(File.Exists(Stamp));
    }

    private sealed class WarningLog : IPetardLog
    {
        public List<PetardWarning> Warnings { get; } = [];

        public void Info(string message)
        {
        }

        public void Detail(string message)
        {
        }

        public void Warning(PetardWarning warning) => Warnings.Add(warning);
    }
}
