namespace Petard.Build;

/// <summary>
/// Starts the client's one-time warm-up (<see cref="PetardClient.WarmUp"/>) at the start of a build that
/// will deploy, so it runs on the other core beside MSBuild's up-to-date checks instead of inside the
/// deploy. Only useful where the deploy task runs in the same process (.NET MSBuild, in-process tasks).
/// </summary>
public sealed class PetardWarmUp : Microsoft.Build.Utilities.Task
{
    /// <inheritdoc />
    public override bool Execute()
    {
        PetardClient.WarmUp();
        return true;
    }
}
