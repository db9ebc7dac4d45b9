using Amazon.Runtime;
using Petard.Local;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests.Workflows;

/// <summary>A fresh in-process emulator per test, a client signed with placeholder keys, and a folder for OpenAPI files.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected TempFolder Temp { get; } = new();

    protected LocalGateway Gateway { get; private set; } = null!;

    protected PetardClient Client { get; private set; } = null!;

    protected PetardDeployer Deployer => new(Client);

    public async Task InitializeAsync()
    {
        Gateway = await LocalGateway.StartAsync();
        Client = PetardClient.Create(new PetardClientOptions { EndpointUrl = Gateway.Url, Credentials = new BasicAWSCredentials("test", "test") });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        Temp.Dispose();
    }
}
