using Petard.Execution;

namespace Petard.Reliability.Tests;

/// <summary>Clients queue together only within one <see cref="PetardPacingScope"/>.</summary>
public sealed class PacingScopeTests
{
    private static readonly Uri Endpoint = new("https://apigateway.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task A_scope_of_its_own_does_not_wait_for_another_scope_but_the_same_scope_does()
    {
        var scope = new PetardPacingScope();
        await Pacer(scope).WaitAsync("GetRestApis", CancellationToken.None); // takes the only token: the next call in this scope waits 33 s

        await Pacer(new PetardPacingScope()).WaitAsync("GetRestApis", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pacer(scope).WaitAsync("GetRestApis", cancellation.Token));
    }

    [Fact]
    public void Clients_share_the_process_wide_scope_unless_told_otherwise()
    {
        Assert.Same(PetardPacingScope.ProcessWide, new PetardClientOptions().Pacing.Scope);
    }

    private static RequestPacer Pacer(PetardPacingScope scope)
    {
        var options = new PetardPacingOptions { Enabled = true, Scope = scope };
        options.OperationIntervals["GetRestApis"] = TimeSpan.FromSeconds(30);
        return new RequestPacer(Endpoint, options, isLoopback: false);
    }
}
