using System.Net;
using Petard.Execution;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Which failures are retried, how often, and what the caller sees when retries run out.</summary>
public class RetryTests
{
    public static TheoryData<HttpStatusCode, string, string?> Transient => new()
    {
        { HttpStatusCode.TooManyRequests, "{\"message\":\"Too Many Requests\"}", "0" },
        { HttpStatusCode.ServiceUnavailable, "{\"message\":\"Service Unavailable\"}", null },
        { HttpStatusCode.Conflict, "{\"__type\":\"ConflictException\",\"message\":\"Unable to complete operation due to concurrent modification\"}", null },
        { HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", null },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Transient_error_is_retried_and_then_succeeds(HttpStatusCode status, string body, string? retryAfter)
    {
        var headers = retryAfter is null ? Array.Empty<(string, string)>() : [("Retry-After", retryAfter)];
        var handler = new RecordingHandler()
            .Then(status, body, headers)
            .Then(status, body, headers)
            .Then(HttpStatusCode.Created, "{\"id\":\"dep1\"}");
        using var client = TestClients.Create(handler);

        var result = await client.InvokeAsync("CreateDeployment", new { restApiId = "abc123", stageName = "prod" });

        Assert.Equal("dep1", result.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("{\"stageName\":\"prod\"}", r.BodyText)); // the same request each time
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.NotFound, "{\"message\":\"Invalid API identifier\"}", ("x-amzn-ErrorType", "NotFoundException"));
        using var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("GetRestApi", new { restApiId = "abc123" }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retries_run_out_into_PETARD1011_carrying_the_last_service_error()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.TooManyRequests, "{\"message\":\"Rate exceeded\"}", ("x-amzn-ErrorType", "TooManyRequestsException"), ("x-amzn-RequestId", "last-req"));
        using var client = TestClients.Create(handler, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<PetardRetriesExhaustedException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.RetriesExhausted, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("TooManyRequestsException", error.LastServiceError!.ErrorType);
        Assert.Equal("last-req", error.LastServiceError.RequestId);
    }

    [Fact]
    public async Task Retry_After_beyond_the_total_time_allowed_ends_the_retries_at_once()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.TooManyRequests, "{\"message\":\"Rate exceeded\"}", ("Retry-After", "3600"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Connection_failure_is_retried_then_reported_as_PETARD1015()
    {
        var handler = new RecordingHandler().Then(_ => throw new HttpRequestException("Connection refused"));
        using var client = TestClients.Create(handler, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("apigateway.eu-west-1.amazonaws.com", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_then_reported_as_PETARD1015()
    {
        var handler = new RecordingHandler().Then(_ => throw new TaskCanceledException("the attempt's token fired"));
        using var client = TestClients.Create(handler, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_retries_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new RecordingHandler().Then(_ =>
        {
            cancellation.Cancel();
            return RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");
        });
        using var client = TestClients.Create(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("GetRestApis", cancellationToken: cancellation.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Retry_After_is_a_floor_for_the_wait_even_above_the_backoff_cap()
    {
        var policy = new RetryPolicy(new PetardRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(1) });

        Assert.InRange(policy.Delay(1, TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)); // jittered above the floor
        Assert.InRange(policy.Delay(1, null), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.InRange(policy.Delay(30, null), TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        using var seconds = RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "7"));
        using var date = RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", DateTimeOffset.UtcNow.AddHours(1).ToString("R")));
        using var none = RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(seconds));
        Assert.InRange(RetryPolicy.RetryAfter(date)!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        Assert.Null(RetryPolicy.RetryAfter(none));
    }

    [Fact]
    public void A_call_that_may_have_taken_effect_is_repeated_only_when_it_is_idempotent()
    {
        var policy = new RetryPolicy(new PetardRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) });
        var create = Petard.Model.OperationModel.Default.Get("CreateDeployment");
        var read = Petard.Model.OperationModel.Default.Get("GetRestApis");
        var lost = AttemptOutcome.Lost(new PetardException(PetardErrorCodes.Unreachable, "lost"), mayHaveTakenEffect: true);
        var neverSent = AttemptOutcome.Lost(new PetardException(PetardErrorCodes.Unreachable, "refused"), mayHaveTakenEffect: false);

        Assert.False(policy.Decide(create, lost, attempt: 1, throttled: 0, TimeSpan.Zero).Retry);
        Assert.True(policy.Decide(create, neverSent, attempt: 1, throttled: 0, TimeSpan.Zero).Retry);
        Assert.True(policy.Decide(read, lost, attempt: 1, throttled: 0, TimeSpan.Zero).Retry);
    }

    [Fact]
    public void Retries_stop_at_the_attempt_limit_and_when_the_wait_would_outlast_the_total_time()
    {
        var policy = new RetryPolicy(new PetardRetryOptions { MaxAttempts = 3, MaxThrottledAttempts = 5, MaxTotalTime = TimeSpan.FromSeconds(10) });
        var create = Petard.Model.OperationModel.Default.Get("CreateDeployment");
        var throttled = AttemptOutcome.Refused(new PetardServiceException("TooManyRequestsException", "slow down", HttpStatusCode.TooManyRequests, null, "CreateDeployment"), TimeSpan.FromSeconds(2));
        var unavailable = AttemptOutcome.Refused(new PetardServiceException("ServiceUnavailableException", "later", HttpStatusCode.ServiceUnavailable, null, "CreateDeployment"), null);

        var decision = policy.Decide(create, throttled, attempt: 2, throttled: 2, TimeSpan.FromSeconds(1));
        Assert.True(decision.Retry);
        Assert.InRange(decision.Delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.True(policy.Decide(create, throttled, attempt: 4, throttled: 4, TimeSpan.FromSeconds(1)).Retry); // throttling has its own budget
        Assert.False(policy.Decide(create, throttled, attempt: 5, throttled: 5, TimeSpan.FromSeconds(1)).Retry);
        Assert.False(policy.Decide(create, unavailable, attempt: 3, throttled: 0, TimeSpan.FromSeconds(1)).Retry);
        Assert.True(policy.Decide(create, unavailable, attempt: 4, throttled: 2, TimeSpan.FromSeconds(1)).Retry); // throttled attempts do not spend the other budget
        Assert.False(policy.Decide(create, throttled, attempt: 1, throttled: 1, TimeSpan.FromSeconds(9)).Retry);
    }

    [Fact]
    public void With_one_attempt_nothing_is_retried_not_even_throttling()
    {
        var policy = new RetryPolicy(new PetardRetryOptions { MaxAttempts = 1 });
        var throttled = AttemptOutcome.Refused(new PetardServiceException("TooManyRequestsException", "slow down", HttpStatusCode.TooManyRequests, null, "GetRestApis"), null);

        Assert.False(policy.Decide(Petard.Model.OperationModel.Default.Get("GetRestApis"), throttled, attempt: 1, throttled: 1, TimeSpan.Zero).Retry);
    }
}
