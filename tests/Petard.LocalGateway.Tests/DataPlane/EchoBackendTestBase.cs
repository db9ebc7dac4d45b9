namespace Petard.Local.Tests.DataPlane;

/// <summary>A data-plane test with an <see cref="EchoBackend"/> running beside the emulator.</summary>
public abstract class EchoBackendTestBase : DataPlaneTestBase
{
    private TestServer? backend;

    protected TestServer Backend => backend ?? throw new InvalidOperationException("not started");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        backend = await TestServer.StartAsync(EchoBackend.HandleAsync);
    }

    public override async Task DisposeAsync()
    {
        if (backend is not null)
        {
            await backend.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
