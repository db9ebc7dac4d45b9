using Cake.Core;
using Petard;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// What every alias does around its workflow: build the client from the settings, log through Cake,
/// wait for the workflow (the one place an alias blocks), and turn a Petard error into a failed Cake task.
/// Ctrl+C during a workflow cancels the call in flight and fails the task, rather than killing Cake
/// halfway through a write.
/// </summary>
internal sealed class PetardRunner(ICakeContext context)
{
    public PetardClient CreateClient(PetardSettings settings) =>
        Guard(() => PetardClient.Create(settings.ClientOptions));

    public WorkflowResult Run(PetardRestApiSettings settings, Func<PetardDeployer, CancellationToken, Task<WorkflowResult>> workflow) => Guard(() =>
    {
        settings.Request.BaseDirectory = context.Environment.WorkingDirectory.FullPath; // relative paths in a Cake script start at its working directory
        using var client = PetardClient.Create(settings.ClientOptions);
        var deployer = new PetardDeployer(client, new CakePetardLog(context.Log));
        using var cancellation = new CancellationTokenSource();
        void Interrupt(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true; // let the workflow stop cleanly; Cake then fails the task
            cancellation.Cancel();
        }

        Console.CancelKeyPress += Interrupt;
        try
        {
            return workflow(deployer, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            throw new CakeException("Petard: canceled (Ctrl+C); the call in flight was abandoned. Calls that had completed are kept; running the deploy again is safe.", e);
        }
        finally
        {
            Console.CancelKeyPress -= Interrupt;
        }
    });

    // Cake prints only the message of a failed task: the code goes in front, the link to its README section at the end.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not CakeException and not OperationCanceledException)
        {
            // A bug must still reach the user as a coded message, not a stack trace; neutral names are the Cake settings' names.
            var error = PetardException.FromUnexpected(e);
            throw new CakeException(CakeMessages.Coded(error.Code, error.Message), error);
        }
    }
}
