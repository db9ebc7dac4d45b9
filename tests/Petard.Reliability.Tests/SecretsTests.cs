using Amazon.Runtime;
using Petard.Configuration;
using Petard.Local;
using Petard.Local.Faults;
using Petard.Reliability.Tests.Infrastructure;
using Petard.Workflows;

namespace Petard.Reliability.Tests;

/// <summary>
/// Access keys, secret keys, session tokens and API key values never reach a log line, a result
/// or an exception (message, inner exceptions and stack, via ToString), in runs that succeed and
/// runs that fail. The emulator verifies every signature, so the secrets were really used.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public sealed class SecretsTests : GatewayScenario
{
    private readonly CapturingLog log = new();
    private readonly List<string> outputs = [];

    internal override LocalGatewayOptions GatewayOptions => new() { VerifySignatures = new SigningKey(FakeSecrets.AccessKeyId, FakeSecrets.SecretAccessKey) };

    [Fact]
    public async Task A_full_deploy_with_credentials_from_the_environment_leaks_no_secret_in_any_outcome()
    {
        using (new EnvironmentScope(FakeSecrets.Environment))
        {
            using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = Gateway.Url, Retry = Clients.FastRetry(maxAttempts: 3) });
            var deployer = new PetardDeployer(client, log);
            var file = Apis.Write("orders", "v1");

            Keep(await deployer.DeployApiAsync(Request("orders", file)));
            Keep(await deployer.DeployApiAsync(Request("orders", Apis.Write("orders", "v2"), variables: new Dictionary<string, string> { ["release"] = "r2" })));
            Keep(await deployer.DeployApiAsync(new DeployApiRequest { RestApi = { Name = "orders" }, Stage = { Name = "dev" }, Import = { OpenApiFile = file }, DryRun = true }));
            await KeepFailureAsync(() => deployer.DeployApiAsync(Request("orders", file, stage: "bad stage!")));
            await KeepFailureAsync(() => deployer.DeployApiAsync(new DeployApiRequest { RestApi = { Id = "nosuchapi" }, Stage = { Name = "dev" } }));
            Inject(new FaultRule("UpdateStage", FaultKind.Throttle, count: 100, retryAfterSeconds: 0));
            await KeepFailureAsync(() => deployer.DeployApiAsync(Request("orders", Apis.Write("orders", "v3"))));
            Gateway.Faults.Clear();
            Inject(new FaultRule("GetRestApis", FaultKind.DropConnection, count: 100));
            await KeepFailureAsync(() => deployer.DeployApiAsync(Request("orders", file)));
        }

        Assert.Contains(log.Lines, l => l.Contains("created deployment", StringComparison.OrdinalIgnoreCase)); // the run did deploy
        Assert.Equal(4, outputs.Count(o => o.StartsWith("PETARD", StringComparison.Ordinal))); // and failed four ways
        FakeSecrets.AssertAbsent("the workflow log", log.Text);
        FakeSecrets.AssertAbsent("results and exceptions", string.Join("\n", outputs));
    }

    [Fact]
    public async Task A_refused_signature_names_neither_the_secret_used_nor_the_expected_one()
    {
        using var client = Clients.Create(Gateway.Url, credentials: new SessionAWSCredentials(FakeSecrets.AccessKeyId, FakeSecrets.WrongSecret, FakeSecrets.SessionToken));

        await KeepFailureAsync(() => new PetardDeployer(client, log).DeployApiAsync(Request("orders", Apis.Write("orders", "v1"))));

        Assert.Contains("PetardServiceException", outputs.Single(), StringComparison.Ordinal);
        FakeSecrets.AssertAbsent("the refusal", string.Join("\n", outputs) + log.Text);
    }

    [Fact]
    public async Task An_API_key_value_stays_out_of_errors_about_the_key()
    {
        using var client = Clients.Create(Gateway.Url, credentials: new BasicAWSCredentials(FakeSecrets.AccessKeyId, FakeSecrets.SecretAccessKey));
        await client.InvokeAsync("CreateApiKey", new { name = "ci", value = FakeSecrets.ApiKeyValue, enabled = true });

        await KeepFailureAsync(() => client.InvokeAsync("CreateApiKey", new { name = "ci-again", value = FakeSecrets.ApiKeyValue, enabled = true })); // a duplicate
        await KeepFailureAsync(() => client.InvokeAsync("CreateApiKey", new { name = "ci", value = FakeSecrets.ApiKeyValue, enabled = "yes", stageKeys = 5 })); // wrong types
        await KeepFailureAsync(() => client.InvokeAsync("CreateApiKey", new { name = "ci", value = FakeSecrets.ApiKeyValue, secretSauce = FakeSecrets.ApiKeyValue })); // unknown member

        Assert.Equal(3, outputs.Count);
        FakeSecrets.AssertAbsent("errors about an API key", string.Join("\n", outputs));
    }

    [Fact]
    public async Task A_cut_answer_carrying_an_API_key_value_is_not_quoted_in_the_error()
    {
        await using var server = new RawHttpServer
        {
            Answer = RawHttpServer.Response(200, "application/json", System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"k1\",\"value\":\"{FakeSecrets.ApiKeyValue}\",\"name\":\"c")),
        };
        using var client = Clients.Create(server.Url);

        await KeepFailureAsync(() => client.InvokeAsync("GetApiKey", new { apiKey = "k1", includeValue = true }));

        Assert.Contains(PetardErrorCodes.UnreadableResponse, outputs.Single(), StringComparison.Ordinal);
        FakeSecrets.AssertAbsent("the unreadable-answer error", outputs.Single());
    }

    [Fact]
    public void Options_configuration_credentials_and_exceptions_print_no_secret()
    {
        var session = new SessionAWSCredentials(FakeSecrets.AccessKeyId, FakeSecrets.SecretAccessKey, FakeSecrets.SessionToken);
        var options = new PetardClientOptions { Credentials = session, EndpointUrl = "https://apigateway.eu-west-1.amazonaws.com", Region = "eu-west-1" };
        var configuration = ClientConfiguration.Resolve(options, _ => null);
        using var client = PetardClient.Create(options);
        var error = new PetardRetriesExhaustedException("CreateDeployment", 3, TimeSpan.FromSeconds(1), new PetardServiceException("TooManyRequestsException", "Rate exceeded", System.Net.HttpStatusCode.TooManyRequests, "r1", "CreateDeployment"));

        string[] printed = [options.ToString()!, configuration.ToString(), session.ToString()!, session.GetCredentials().ToString()!, client.ToString()!, error.ToString(), options.Retry.ToString()!, options.Pacing.ToString()!];

        foreach (var text in printed)
        {
            FakeSecrets.AssertAbsent("a ToString", text);
        }
    }

    private void Keep(WorkflowResult result) =>
        outputs.Add(string.Join("\n", [result.RestApiId, result.DeploymentId, result.StageName, result.InvokeUrl, .. result.Changes, .. result.Calls]));

    private async Task KeepFailureAsync(Func<Task> run)
    {
        var error = await Assert.ThrowsAnyAsync<PetardException>(run);
        outputs.Add($"{error.Code} {error}");
    }
}
