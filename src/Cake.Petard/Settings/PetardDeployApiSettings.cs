using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardDeployApi"/>, the whole flow: resolve or import the
/// API, create a deployment when something changed, bring the stage up to date. They are the core's
/// <see cref="DeployApiRequest"/>, with flat names.
/// </summary>
public sealed partial class PetardDeployApiSettings : PetardStageSettings, IPetardImportSettings, IPetardDeploymentSettings
{
    private readonly DeployApiRequest request = new();

    /// <summary>The OpenAPI 2 or 3 file to import, relative to the Cake working directory; without it the API is deployed as it is.</summary>
    public FilePath? OpenApiFile { get => CakePaths.File(request.Import.OpenApiFile); set => request.Import.OpenApiFile = value?.FullPath; }

    /// <inheritdoc />
    public PutMode PutMode { get => request.Import.PutMode; set => request.Import.PutMode = value; }

    /// <inheritdoc />
    public bool CreateRestApi { get => request.Import.CreateRestApi; set => request.Import.CreateRestApi = value; }

    /// <inheritdoc />
    public bool FailOnWarnings { get => request.Import.FailOnWarnings; set => request.Import.FailOnWarnings = value; }

    /// <inheritdoc />
    public string? DeploymentDescription { get => request.Deployment.Description; set => request.Deployment.Description = value; }

    /// <inheritdoc />
    public IList<string> Triggers { get => request.Deployment.Triggers; set => request.Deployment.Triggers = value; }

    /// <inheritdoc />
    public bool ForceDeploy { get => request.Deployment.Force; set => request.Deployment.Force = value; }

    /// <inheritdoc cref="CanarySpec.Percent"/>
    public double? CanaryPercent { get => request.Canary.Percent; set => request.Canary.Percent = value; }

    /// <inheritdoc cref="CanarySpec.StageVariables"/>
    public IDictionary<string, string>? CanaryStageVariables { get => request.Canary.StageVariables; set => request.Canary.StageVariables = value; }

    /// <inheritdoc cref="ExposureSpec.UsagePlans"/>
    public IList<string> UsagePlans { get => request.Exposure.UsagePlans; set => request.Exposure.UsagePlans = value; }

    /// <inheritdoc cref="ExposureSpec.UsagePlanThrottles"/>
    public IDictionary<string, string> UsagePlanThrottles { get => request.Exposure.UsagePlanThrottles; set => request.Exposure.UsagePlanThrottles = value; }

    /// <inheritdoc cref="ExposureSpec.DomainName"/>
    public string? DomainName { get => request.Exposure.DomainName; set => request.Exposure.DomainName = value; }

    /// <inheritdoc cref="ExposureSpec.BasePath"/>
    public string? BasePath { get => request.Exposure.BasePath; set => request.Exposure.BasePath = value; }

    /// <inheritdoc />
    internal override DeployApiRequest Request => request;

    /// <inheritdoc />
    internal override StageSpec Stage => request.Stage;
}
