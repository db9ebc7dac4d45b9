using Cake.Core;
using Petard;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// What every alias does around its workflow: build the client from the settings, log through Cake,
/// wait for the workflow (the one place an alias blocks), and turn a Petard error into a failed Cake task.
/// </summary>
internal sealed class PetardRunner(ICakeContext context)
{
    public PetardClient CreateClient(PetardSettings settings) =>
        Guard(() => PetardClient.Create(settings.ToClientOptions()));

    public DeployResult Run(PetardSettings settings, Func<PetardDeployer, Task<DeployResult>> workflow) => Guard(() =>
    {
        using var client = PetardClient.Create(settings.ToClientOptions());
        var deployer = new PetardDeployer(client, new CakePetardLog(context.Log));
        return workflow(deployer).GetAwaiter().GetResult();
    });

    // Cake prints only the message of a failed task: the code goes in front so the README section is easy to find.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PetardException e)
        {
            throw new CakeException($"{e.Code}: {e.Message}", e);
        }
    }
}
