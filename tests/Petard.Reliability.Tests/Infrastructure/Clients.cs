using Amazon.Runtime;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Clients of an emulator with short retry waits, so fault tests stay fast.</summary>
internal static class Clients
{
    /// <summary>Retries tuned for tests: the same policy as the default, with waits in milliseconds.</summary>
    public static PetardRetryOptions FastRetry(int maxAttempts = 8, TimeSpan? maxTotalTime = null, TimeSpan? attemptTimeout = null, int? maxThrottledAttempts = null) => new()
    {
        MaxAttempts = maxAttempts,
        MaxThrottledAttempts = maxThrottledAttempts ?? maxAttempts, // one budget for every fault, unless a test is about the throttling budget
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        MaxTotalTime = maxTotalTime ?? TimeSpan.FromSeconds(30),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
    };

    public static PetardClient Create(string endpointUrl, PetardRetryOptions? retry = null, PetardPacingOptions? pacing = null, AWSCredentials? credentials = null, HttpMessageHandler? handler = null) =>
        PetardClient.Create(new PetardClientOptions
        {
            EndpointUrl = endpointUrl,
            Region = "us-east-1",
            Credentials = credentials ?? new BasicAWSCredentials("AKIDRELIABILITY", "reliability-secret"),
            Retry = retry ?? FastRetry(),
            Pacing = pacing ?? new PetardPacingOptions { Enabled = false },
            HttpMessageHandler = handler,
        });
}
