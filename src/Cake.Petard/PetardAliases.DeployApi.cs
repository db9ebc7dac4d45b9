using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Deploys a REST API in one step: finds it by id or name (or imports <see cref="PetardDeployApiSettings.OpenApiFile"/>,
    /// creating the API when none has the name), creates a deployment when the definition or a trigger
    /// changed, and brings the stage up to date. A second run with the same inputs changes nothing.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the stage, and where to send the calls.</param>
    /// <returns>The API id, deployment id, stage, invoke URL, and what changed.</returns>
    /// <exception cref="CakeException">The deploy failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// Task("Deploy").Does(() =>
    /// {
    ///     var result = PetardDeployApi(new PetardDeployApiSettings
    ///         {
    ///             RestApiName = "hello",
    ///             StageName = "dev",
    ///             OpenApiFile = "openapi.yaml",
    ///         }
    ///         .WithRegion("eu-west-1")
    ///         .WithStageVariable("backend", "https://backend.example.com"));
    ///     Information("{0} is live at {1}", result.StageName, result.InvokeUrl);
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardDeployApi(this ICakeContext context, PetardDeployApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.DeployApiAsync(settings.Request, cancellation));
    }
}
