namespace Petard.Workflows;

/// <summary>How <c>PutRestApi</c> applies a definition to an existing API (the service's <c>PutMode</c>).</summary>
public enum PutMode
{
    /// <summary>The definition replaces the API (the service's <c>overwrite</c>).</summary>
    Overwrite,

    /// <summary>The definition is merged into the API (the service's <c>merge</c>).</summary>
    Merge,
}
