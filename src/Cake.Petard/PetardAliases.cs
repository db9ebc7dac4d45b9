using Cake.Core.Annotations;

namespace Cake.Petard;

/// <summary>
/// Deploy Amazon API Gateway REST APIs from a Cake script: import an OpenAPI file, create a
/// deployment only when something changed, and bring a stage up to date. The same workflows run
/// behind the MSBuild target <c>DeployApi</c> of Petard.Build.
/// </summary>
/// <example>
/// <code>
/// #addin nuget:?package=Cake.Petard&amp;version=0.1.0
///
/// var result = PetardDeployApi(new PetardDeployApiSettings { RestApiName = "hello", StageName = "dev", OpenApiFile = "openapi.yaml" });
/// Information("Invoke URL: {0}", result.InvokeUrl);
/// </code>
/// </example>
[CakeAliasCategory("Petard")]
[CakeNamespaceImport("Cake.Petard")]
[CakeNamespaceImport("Petard")]
[CakeNamespaceImport("Petard.Workflows")]
public static partial class PetardAliases
{
}
