namespace Petard.Workflows;

/// <summary>
/// A deployment (a snapshot of the API) and what decides whether one is needed: its fingerprint, a
/// hash of the OpenAPI file and the triggers, carried in its description.
/// </summary>
public sealed class DeploymentSpec
{
    /// <summary>The deployment's description; Petard appends its fingerprint.</summary>
    public string? Description { get; set; }

    /// <summary>Anything else that should cause a new deployment when it changes (versions, hashes).</summary>
    public IList<string> Triggers { get; set; } = [];

    /// <summary>Create a deployment even when the stage already serves one with the same fingerprint.</summary>
    public bool Force { get; set; }
}
