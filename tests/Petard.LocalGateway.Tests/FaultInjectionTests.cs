using System.Net;
using System.Text.Json.Nodes;
using Petard.Local.Faults;

namespace Petard.Local.Tests;

public sealed class FaultInjectionTests : GatewayTestBase
{
    [Fact]
    public async Task Throttling_answers_429_with_Retry_After_for_the_scripted_number_of_calls()
    {
        Gateway.Faults.Add(new FaultRule("GetRestApis", FaultKind.Throttle, count: 2, retryAfterSeconds: 3));
        using var http = SignedHttp();

        for (var i = 0; i < 2; i++)
        {
            using var throttled = await http.GetAsync("restapis");
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal("TooManyRequestsException", throttled.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter!.Delta);
        }

        using var ok = await http.GetAsync("restapis");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Empty(Gateway.Faults.Active);
    }

    [Fact]
    public async Task A_retrying_client_gets_through_throttling_503_and_409_and_every_attempt_is_logged()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        Gateway.Faults.Add(new FaultRule("CreateDeployment", FaultKind.Throttle, count: 1, retryAfterSeconds: 0));
        Gateway.Faults.Add(new FaultRule("CreateDeployment", FaultKind.ServiceUnavailable));
        Gateway.Faults.Add(new FaultRule("CreateDeployment", FaultKind.Conflict));
        Gateway.Calls.Clear();
        using var retrying = CreateClient(maxAttempts: 5);

        var deployment = await retrying.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });

        Assert.NotNull(deployment.Id);
        Assert.Equal(4, Gateway.Calls.CountOf("CreateDeployment"));
        Assert.Single((await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException")]
    [InlineData(FaultKind.Conflict, HttpStatusCode.Conflict, "ConflictException")]
    public async Task Failures_answer_the_service_error_and_change_nothing(FaultKind kind, HttpStatusCode status, string errorType)
    {
        Gateway.Faults.Add(new FaultRule("CreateRestApi", kind));
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateRestApi", new { name = "x" }));
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorType, error.ErrorType);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task A_dropped_connection_reaches_the_client_as_unreachable_and_a_retry_succeeds()
    {
        Gateway.Faults.Add(new FaultRule("GetRestApis", FaultKind.DropConnection));
        var error = await Assert.ThrowsAsync<PetardException>(() => Client.InvokeAsync("GetRestApis"));
        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);

        Gateway.Faults.Add(new FaultRule("GetRestApis", FaultKind.DropConnection));
        Gateway.Calls.Clear();
        using var retrying = CreateClient(maxAttempts: 3);
        await retrying.InvokeAsync("GetRestApis");
        Assert.Equal(2, Gateway.Calls.CountOf("GetRestApis"));
    }

    [Fact]
    public async Task Added_latency_makes_a_short_attempt_timeout_fire()
    {
        Gateway.Faults.Add(new FaultRule("GetRestApis", FaultKind.Latency, latency: TimeSpan.FromSeconds(30)));
        using var impatient = PetardClient.Create(new PetardClientOptions
        {
            EndpointUrl = Gateway.Url,
            Credentials = TestCredentials,
            Retry = new PetardRetryOptions { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(300) },
        });

        var error = await Assert.ThrowsAsync<PetardException>(() => impatient.InvokeAsync("GetRestApis"));
        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wildcard_rule_matches_every_operation()
    {
        Gateway.Faults.Add(new FaultRule("*", FaultKind.ServiceUnavailable, count: 2));
        await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApis"));
        await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetApiKeys"));
        await Client.InvokeAsync("GetDomainNames");
    }

    [Fact]
    public async Task The_control_endpoint_scripts_faults_and_reads_the_call_log()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Gateway.Url) };
        using var added = await http.PostAsync("_petard/faults", Body("""{"operation":"GetRestApis","kind":"throttle","count":1,"retryAfterSeconds":2}"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("Throttle", JsonNode.Parse(await added.Content.ReadAsStringAsync())!["faults"]![0]!["kind"]!.GetValue<string>());

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApis"));
        Assert.Equal("TooManyRequestsException", error.ErrorType);

        var calls = JsonNode.Parse(await http.GetStringAsync("_petard/calls"))!["calls"]!.AsArray().Select(c => c!.GetValue<string>());
        Assert.Equal(["GetRestApis"], calls);
        using var cleared = await http.DeleteAsync("_petard/calls");
        Assert.Empty(Gateway.Calls);

        using var bad = await http.PostAsync("_petard/faults", Body("""{"operation":"GetRestApis","kind":"explode"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Unknown fault kind", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var state = await http.GetAsync("_petard/state");
        Assert.NotNull(JsonNode.Parse(await state.Content.ReadAsStringAsync())!["restApis"]);
    }
}

public sealed class CreateDeploymentQuotaTests : GatewayTestBase
{
    protected override LocalGatewayOptions Options => new() { CreateDeploymentInterval = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task A_second_CreateDeployment_within_the_quota_interval_is_429_and_creates_nothing()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId });

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateDeployment", new { restApiId = apiId }));
        Assert.Equal("TooManyRequestsException", error.ErrorType);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single((await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items);
    }
}

public sealed class ShortCreateDeploymentQuotaTests : GatewayTestBase
{
    protected override LocalGatewayOptions Options => new() { CreateDeploymentInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_retrying_client_waits_out_the_quota()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        using var retrying = CreateClient(maxAttempts: 5);
        await retrying.InvokeAsync("CreateDeployment", new { restApiId = apiId });
        await retrying.InvokeAsync("CreateDeployment", new { restApiId = apiId });
        Assert.Equal(2, (await Client.InvokeAsync("GetDeployments", new { restApiId = apiId })).Items.Count);
    }
}
