namespace Petard.Workflows;

/// <summary>
/// Plan a deploy: read only, report what <see cref="PetardDeployer.DeployApiAsync"/> would change with
/// these settings, and the drift (what changed outside the build).
/// </summary>
public sealed class PlanRequest
{
    /// <summary>Creates a plan of the deploy <paramref name="deploy"/> describes.</summary>
    /// <param name="deploy">The deploy's settings, the same the deploy runs with; the plan never writes, whatever its <see cref="WorkflowRequest.DryRun"/>.</param>
    public PlanRequest(DeployApiRequest deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        Deploy = deploy;
    }

    /// <summary>The deploy that is planned.</summary>
    public DeployApiRequest Deploy { get; }

    /// <summary>Drift fails the plan (PETARD1043), for CI gates; otherwise drift is reported and the plan succeeds.</summary>
    public bool FailOnDrift { get; set; }
}
