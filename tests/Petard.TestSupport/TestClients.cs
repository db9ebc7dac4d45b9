using Amazon.Runtime;

namespace Petard.TestSupport;

/// <summary>Clients wired to a <see cref="RecordingHandler"/> with explicit credentials, region and endpoint.</summary>
public static class TestClients
{
    public const string AccessKey = "AKIDPETARDTEST";
    public const string SecretKey = "petard-test-secret-key";
    public const string Region = "eu-west-1";
    public const string Endpoint = "https://apigateway.eu-west-1.amazonaws.com";

    public static PetardClient Create(RecordingHandler handler, AWSCredentials? credentials = null, string? endpoint = Endpoint, int maxAttempts = 4) =>
        PetardClient.Create(new PetardClientOptions
        {
            Credentials = credentials ?? new BasicAWSCredentials(AccessKey, SecretKey),
            Region = Region,
            EndpointUrl = endpoint,
            HttpMessageHandler = handler,
            // Tests check what is retried, not how long the waits are.
            Retry = new PetardRetryOptions { MaxAttempts = maxAttempts, MaxThrottledAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });
}
