using System.Net;
using Petard.Local.Faults;

namespace Petard.Local.Tests;

/// <summary>The control plane's log in process: <see cref="LocalGatewayOptions.ControlPlaneLog"/>.</summary>
public sealed class RequestLogTests : GatewayTestBase
{
    private readonly StringWriter log = new();

    protected override LocalGatewayOptions Options => new() { ControlPlaneLog = log };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        log.Dispose();
    }

    [Fact]
    public async Task Every_request_is_one_line_and_every_5xx_also_names_its_cause()
    {
        await Client.InvokeAsync("CreateRestApi", new { name = "logged" });
        Gateway.Faults.Add(new FaultRule("GetRestApis", FaultKind.ServiceUnavailable));
        var failed = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApis"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApi", new { restApiId = "missing" }));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(
            lines,
            line => Assert.Matches(@"^CreateRestApi 201 \d+ ms$", line),
            line => Assert.Matches(@"^GetRestApis 503 caused by Petard\.Local\.GatewayException: Service Unavailable \(injected by Petard\.LocalGateway\)", line),
            line => Assert.Matches(@"^GetRestApis 503 \d+ ms$", line),
            line => Assert.Matches(@"^GetRestApi 404 \d+ ms$", line));
    }
}
