using Cake.Core;
using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardDeployApi"/>, the whole flow: resolve or import the
/// API, create a deployment when something changed, bring the stage up to date.
/// </summary>
public sealed class PetardDeployApiSettings : PetardStageSettings, IPetardImportSettings, IPetardDeploymentSettings
{
    /// <summary>The OpenAPI 2 or 3 file to import, relative to the Cake working directory; without it the API is deployed as it is.</summary>
    public FilePath? OpenApiFile { get; set; }

    /// <inheritdoc />
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <inheritdoc />
    public bool CreateRestApi { get; set; } = true;

    /// <inheritdoc />
    public bool FailOnWarnings { get; set; }

    /// <inheritdoc />
    public string? DeploymentDescription { get; set; }

    /// <inheritdoc />
    public IList<string> Triggers { get; set; } = [];

    /// <inheritdoc />
    public bool ForceDeploy { get; set; }

    internal DeployApiRequest ToRequest(ICakeEnvironment environment) => FillStage(new DeployApiRequest
    {
        OpenApiFile = CakePaths.Absolute(OpenApiFile, environment),
        PutMode = PutMode,
        CreateRestApi = CreateRestApi,
        FailOnWarnings = FailOnWarnings,
        DeploymentDescription = DeploymentDescription,
        Triggers = Triggers,
        ForceDeploy = ForceDeploy,
    });
}
