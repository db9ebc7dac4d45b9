namespace Petard.Workflows;

/// <summary>The modes of <c>PutRestApi</c>.</summary>
public static class PutModes
{
    /// <summary>The definition replaces the API.</summary>
    public const string Overwrite = "overwrite";

    /// <summary>The definition is merged into the API.</summary>
    public const string Merge = "merge";
}
