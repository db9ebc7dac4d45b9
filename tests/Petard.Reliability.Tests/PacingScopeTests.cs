using Petard.Execution;

namespace Petard.Reliability.Tests;

/// <summary>Clients queue together only within one <see cref="PetardPacingScope"/>; a machine-wide scope shares operation intervals through its folder.</summary>
public sealed class PacingScopeTests : IDisposable
{
    private static readonly Uri Endpoint = new("https://apigateway.eu-west-1.amazonaws.com/");

    private readonly string slots = Directory.CreateTempSubdirectory("petard-pacing-test-").FullName;

    public void Dispose() => Directory.Delete(slots, recursive: true);

    [Fact]
    public async Task A_scope_of_its_own_does_not_wait_for_another_scope_but_the_same_scope_does()
    {
        var scope = new PetardPacingScope();
        await Pacer(scope).WaitAsync("GetRestApis", CancellationToken.None); // takes the only token: the next call in this scope waits 33 s

        await Pacer(new PetardPacingScope()).WaitAsync("GetRestApis", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pacer(scope).WaitAsync("GetRestApis", cancellation.Token));
    }

    /// <summary>Two machine-wide scopes over one folder are what two processes are: each its own buckets, one slot file.</summary>
    [Fact]
    public async Task Machine_wide_scopes_over_one_folder_queue_an_operation_together_and_a_cancelled_wait_gives_its_slot_back()
    {
        var firstProcess = new PetardPacingScope(slots);
        var secondProcess = new PetardPacingScope(slots);
        await Pacer(firstProcess).WaitAsync("GetRestApis", CancellationToken.None);

        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pacer(secondProcess).WaitAsync("GetRestApis", cancellation.Token));
        }

        // The cancelled wait gave its slot back: the next one waits one interval from the first call, not two.
        var next = new MachineSlot(Assert.Single(Directory.GetFiles(slots)), TimeSpan.FromSeconds(33)).Take(out _);
        Assert.InRange(next, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));
        await Pacer(new PetardPacingScope()).WaitAsync("GetRestApis", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)); // a process-only scope is not held
    }

    [Fact]
    public async Task A_slot_file_that_cannot_be_written_falls_back_to_pacing_in_the_process()
    {
        var blocked = Path.Combine(slots, "a-file");
        await File.WriteAllTextAsync(blocked, ""); // the slot folder is a file: nothing can be created under it
        var scope = new PetardPacingScope(blocked);
        await Pacer(scope).WaitAsync("GetRestApis", CancellationToken.None);

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pacer(scope).WaitAsync("GetRestApis", cancellation.Token));
    }

    [Fact]
    public void Clients_share_the_machine_wide_scope_unless_told_otherwise()
    {
        Assert.Same(PetardPacingScope.MachineWide, new PetardClientOptions().Pacing.Scope);
    }

    private static RequestPacer Pacer(PetardPacingScope scope)
    {
        var options = new PetardPacingOptions { Enabled = true, Scope = scope };
        options.OperationIntervals["GetRestApis"] = TimeSpan.FromSeconds(30);
        return new RequestPacer(Endpoint, options, isLoopback: false);
    }
}
