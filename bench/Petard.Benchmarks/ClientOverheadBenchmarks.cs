using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Petard.TestSupport;

namespace Petard.Benchmarks;

/// <summary>
/// Per-request cost of <see cref="PetardClient.InvokeAsync"/> (marshal + sign + send + parse) next
/// to the floor: a raw <see cref="HttpClient"/> sending a pre-built request, unsigned and unparsed,
/// to the same static responder.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private RawHttpServer responder = null!;
    private HttpClient raw = null!;
    private PetardClient client = null!;
    private Uri rawUri = null!;
    private HttpClient signedRaw = null!;

    [GlobalSetup]
    public void Setup()
    {
        responder = StaticResponder.Start();
        raw = new HttpClient(new SocketsHttpHandler());
        rawUri = new Uri(new Uri(responder.Url), "restapis/a1b2c3d4e5");
        signedRaw = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret"), Amazon.RegionEndpoint.USEast1, "apigateway", new SocketsHttpHandler()));
        client = PetardClient.Create(new PetardClientOptions
        {
            EndpointUrl = responder.Url,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret"),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        raw.Dispose();
        responder.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient (floor)")]
    public Task<int> RawHttpClient() => SendPrebuiltAsync(raw);

    [Benchmark(Description = "HttpClient + AWSSDK SigV4SigningHandler")]
    public Task<int> SignedHttpClient() => SendPrebuiltAsync(signedRaw);

    [Benchmark(Description = "PetardClient.InvokeAsync GetRestApi")]
    public async Task<string?> PetardInvoke()
    {
        var api = await client.InvokeAsync("GetRestApi", new { restApiId = "a1b2c3d4e5" });
        return api.Id;
    }

    private async Task<int> SendPrebuiltAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, rawUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }
}
