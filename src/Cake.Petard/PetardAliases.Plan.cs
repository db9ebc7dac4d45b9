using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Reads only: logs what <see cref="PetardDeployApi"/> would change with the same settings, then the
    /// drift (a deployment Petard did not make, stage settings changed outside the build, a canary the
    /// settings do not declare). Succeeds with drift unless <see cref="PetardPlanSettings.FailOnDrift"/> is set.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The deploy to plan, and whether drift fails the task.</param>
    /// <returns>The planned changes (<see cref="WorkflowResult.Changes"/>) and the drift (<see cref="WorkflowResult.Drift"/>).</returns>
    /// <exception cref="CakeException">Drift with <see cref="PetardPlanSettings.FailOnDrift"/> (PETARD1043), or the plan failed; the message starts with the code.</exception>
    /// <example>
    /// <code>
    /// var deploy = new PetardDeployApiSettings { RestApiName = "pets", StageName = "prod", OpenApiFile = "openapi.yaml" };
    /// var plan = PetardPlan(new PetardPlanSettings(deploy) { FailOnDrift = true });
    /// Information("{0} change(s) planned", plan.Changes.Count);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardPlan(this ICakeContext context, PetardPlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings.Deploy, (deployer, cancellation) => deployer.PlanAsync(settings.Request, cancellation));
    }
}
