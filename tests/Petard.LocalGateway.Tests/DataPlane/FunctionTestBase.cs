using Microsoft.AspNetCore.Http;

namespace Petard.Local.Tests.DataPlane;

/// <summary>A data-plane test with one local function server (the Runtime Interface Emulator's invoke protocol), started before the emulator.</summary>
public abstract class FunctionTestBase : DataPlaneTestBase
{
    private TestServer? function;

    /// <summary>The function server; map names to its URL in <see cref="DataPlaneTestBase.ConfigureOptions"/>.</summary>
    protected TestServer Function => function ?? throw new InvalidOperationException("not started");

    public override async Task InitializeAsync()
    {
        function = await TestServer.StartAsync(InvokeAsync);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (function is not null)
        {
            await function.DisposeAsync();
        }
    }

    /// <summary>Answers one invoke of the function.</summary>
    protected abstract Task InvokeAsync(HttpContext context);
}
