using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Brings a stage to the declared state: creates it when missing (pointing at
    /// <see cref="PetardEnsureStageSettings.DeploymentId"/>), otherwise sends only the patch operations
    /// for what differs, and no call at all when nothing does. Never deletes a stage.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the stage's declared state, and where to send the calls.</param>
    /// <returns>The API id, deployment id, stage, invoke URL, and what changed.</returns>
    /// <exception cref="CakeException">The update failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// var stage = PetardEnsureStage(new PetardEnsureStageSettings
    ///     {
    ///         RestApiId = "a1b2c3d4e5",
    ///         StageName = "prod",
    ///         DeploymentId = deployment.DeploymentId,
    ///     }
    ///     .WithStageVariable("backend", "https://backend.example.com")
    ///     .WithMethodSetting("*/*/throttling/rateLimit", "100")
    ///     .WithTracing());
    /// Information(stage.Changed ? "Stage updated" : "Stage already up to date");
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardEnsureStage(this ICakeContext context, PetardEnsureStageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.EnsureStageAsync(settings.Request, cancellation));
    }
}
