using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Aborts the stage's canary: it is removed and the stage keeps serving its deployment and
    /// variables. A stage without a canary is left alone, so aborting twice is safe.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the stage, and where to send the calls.</param>
    /// <returns>The API id, the deployment the stage serves, and what changed.</returns>
    /// <exception cref="CakeException">The abort failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// PetardAbortCanary(new PetardAbortCanarySettings { RestApiName = "pets", StageName = "prod" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardAbortCanary(this ICakeContext context, PetardAbortCanarySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.AbortCanaryAsync(settings.Request, cancellation));
    }
}
