using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Promotes the stage's canary in one <c>UpdateStage</c>: the stage serves the canary's deployment,
    /// the canary's stage variables become the stage's, and the canary is removed. A stage without a
    /// canary is left alone, so promoting twice is safe.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the stage, and where to send the calls.</param>
    /// <returns>The API id, the deployment the stage serves afterwards, and what changed.</returns>
    /// <exception cref="CakeException">The promotion failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// var promoted = PetardPromoteCanary(new PetardPromoteCanarySettings { RestApiName = "pets", StageName = "prod" });
    /// Information("prod serves {0}", promoted.DeploymentId);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardPromoteCanary(this ICakeContext context, PetardPromoteCanarySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.PromoteCanaryAsync(settings.Request, cancellation));
    }
}
