namespace Petard.Workflows;

/// <summary>The whole flow: resolve or import the API, deploy it when it changed, ensure the stage.</summary>
public sealed class DeployApiRequest : WorkflowRequest
{
    /// <summary>The definition to import; without <see cref="ImportSpec.OpenApiFile"/> the API is deployed as it is.</summary>
    public ImportSpec Import { get; } = new();

    /// <summary>The deployment made when the fingerprint changed.</summary>
    public DeploymentSpec Deployment { get; } = new();

    /// <summary>The stage's declared state.</summary>
    public StageSpec Stage { get; } = new();

    /// <summary>Deploy a changed API as the stage's canary (see <see cref="CanarySpec"/>); unset: a plain deploy.</summary>
    public CanarySpec Canary { get; } = new();

    /// <summary>Usage plans and a custom domain the stage is attached to once it exists (see <see cref="ExposureSpec"/>).</summary>
    public ExposureSpec Exposure { get; } = new();
}
