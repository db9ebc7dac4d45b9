using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Creates a deployment of a REST API whose description carries a fingerprint of the definition
    /// and the triggers; when the stage already serves a deployment with the same fingerprint, none is
    /// created (unless <see cref="PetardCreateDeploymentSettings.ForceDeploy"/>). The stage is not touched:
    /// follow with <see cref="PetardEnsureStage"/>.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the stage to compare with, and where to send the calls.</param>
    /// <returns>The API id, the deployment id (new or current), and what changed.</returns>
    /// <exception cref="CakeException">The deployment failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// var version = Argument("version", "1.0.0");
    /// var deployment = PetardCreateDeployment(new PetardCreateDeploymentSettings
    ///     {
    ///         RestApiName = "hello",
    ///         StageName = "dev",
    ///         DeploymentDescription = "release " + version,
    ///     }
    ///     .WithTrigger(version));
    /// Information("Deployment {0}", deployment.DeploymentId);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardCreateDeployment(this ICakeContext context, PetardCreateDeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.CreateDeploymentAsync(settings.Request, cancellation));
    }
}
