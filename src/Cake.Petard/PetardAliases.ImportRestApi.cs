using Cake.Core;
using Cake.Core.Annotations;
using Petard.Workflows;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Puts an OpenAPI 2 or 3 file (JSON or YAML) into a REST API with <c>PutRestApi</c>, or creates
    /// the API with <c>ImportRestApi</c> when no API has <see cref="PetardRestApiSettings.RestApiName"/>.
    /// Nothing is deployed: follow with <see cref="PetardCreateDeployment"/>, or use <see cref="PetardDeployApi"/>.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The API, the OpenAPI file, and where to send the calls.</param>
    /// <returns>The API id and what changed.</returns>
    /// <exception cref="CakeException">The import failed; the message starts with the <c>PETARD1xxx</c> code.</exception>
    /// <example>
    /// <code>
    /// var imported = PetardImportRestApi(new PetardImportRestApiSettings
    ///     {
    ///         RestApiName = "hello",
    ///         OpenApiFile = "openapi.yaml",
    ///     }
    ///     .WithPutMode(PutMode.Merge)
    ///     .WithFailOnWarnings());
    /// Information("Imported into {0}", imported.RestApiId);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static WorkflowResult PetardImportRestApi(this ICakeContext context, PetardImportRestApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new PetardRunner(context).Run(settings, (deployer, cancellation) => deployer.ImportRestApiAsync(settings.Request, cancellation));
    }
}
