namespace Petard.Workflows;

/// <summary>The whole flow: resolve or import the API, deploy it when it changed, ensure the stage.</summary>
public class DeployApiRequest : StageSettingsRequest
{
    /// <summary>The OpenAPI 2 or 3 file to import; without it the API is deployed as it is.</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><c>overwrite</c> (the default) or <c>merge</c>.</summary>
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <summary>Create the API when no API has the name (needs <see cref="OpenApiFile"/>).</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <summary>The deployment's description; Petard appends its fingerprint.</summary>
    public string? DeploymentDescription { get; set; }

    /// <summary>Anything else that should cause a new deployment when it changes.</summary>
    public IList<string> Triggers { get; set; } = [];

    /// <summary>Import and deploy even when nothing changed.</summary>
    public bool ForceDeploy { get; set; }
}
