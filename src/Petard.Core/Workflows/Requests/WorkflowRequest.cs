namespace Petard.Workflows;

/// <summary>What every workflow request has: the REST API it works on, and whether it may write.</summary>
public abstract class WorkflowRequest
{
    /// <summary>The REST API, by id or by name.</summary>
    public RestApiTarget RestApi { get; } = new();

    /// <summary>Read only and report the plan: no write call is made.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// Where relative file paths start (the MSBuild project's folder, the Cake working directory);
    /// null: the process's current directory.
    /// </summary>
    public string? BaseDirectory { get; set; }

    /// <summary>A file setting as a full path, relative ones from <see cref="BaseDirectory"/>; null when unset.</summary>
    internal string? FullPath(string? file) =>
        string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file.Trim(), BaseDirectory ?? Environment.CurrentDirectory);
}
