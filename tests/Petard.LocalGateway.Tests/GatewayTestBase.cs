using System.Net.Http.Headers;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Petard.Local.Tests;

/// <summary>Starts a fresh emulator per test and gives it a PetardClient and a raw signed HttpClient.</summary>
public abstract class GatewayTestBase : IAsyncLifetime
{
    protected static readonly BasicAWSCredentials TestCredentials = new("AKIDLOCALTEST", "local-test-secret");

    private LocalGateway? gateway;
    private PetardClient? client;

    protected LocalGateway Gateway => gateway ?? throw new InvalidOperationException("not started");

    protected PetardClient Client => client ?? throw new InvalidOperationException("not started");

    /// <summary>Options for the emulator of this test class.</summary>
    protected virtual LocalGatewayOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        gateway = await LocalGateway.StartAsync(Options);
        client = CreateClient(maxAttempts: 1);
    }

    public virtual async Task DisposeAsync()
    {
        client?.Dispose();
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }
    }

    protected PetardClient CreateClient(int maxAttempts = 1, AWSCredentials? credentials = null) => PetardClient.Create(new PetardClientOptions
    {
        EndpointUrl = Gateway.Url,
        Region = "us-east-1",
        Credentials = credentials ?? TestCredentials,
        Retry = new PetardRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(10) },
    });

    /// <summary>An HttpClient that signs like a real AWS client, for requests our client would refuse to build.</summary>
    protected HttpClient SignedHttp() =>
        new(new SigV4SigningHandler(TestCredentials, RegionEndpoint.USEast1, "apigateway", new SocketsHttpHandler())) { BaseAddress = new Uri(Gateway.Url) };

    protected static ByteArrayContent Body(string text, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    protected async Task<string> CreateApiAsync(string name = "orders")
    {
        var api = await Client.InvokeAsync("CreateRestApi", new { name });
        return api.Id!;
    }

    /// <summary>An API with one GET method on its root and a MOCK integration: deployable.</summary>
    protected async Task<(string ApiId, string RootId)> CreateDeployableApiAsync(string name = "orders")
    {
        var apiId = await CreateApiAsync(name);
        var resources = await Client.InvokeAsync("GetResources", new { restApiId = apiId });
        var rootId = resources.Items.Single().Id!;
        await Client.InvokeAsync("PutMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", authorizationType = "NONE" });
        await Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", type = "MOCK" });
        return (apiId, rootId);
    }
}
