namespace Petard.Workflows;

/// <summary>What a workflow did (or, in a dry run, would do).</summary>
public sealed class WorkflowResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="restApiId">The REST API's id; empty only when a dry run would create the API.</param>
    /// <param name="deploymentId">The deployment the stage serves (or would serve), if known.</param>
    /// <param name="stageName">The stage, if the workflow has one.</param>
    /// <param name="invokeUrl">The stage's invoke URL, if the API and stage are known.</param>
    /// <param name="dryRun">Whether this was a dry run.</param>
    /// <param name="changes">What changed, one human line each.</param>
    /// <param name="calls">The operations called, in order.</param>
    public WorkflowResult(string restApiId, string? deploymentId, string? stageName, string? invokeUrl, bool dryRun, IReadOnlyList<string> changes, IReadOnlyList<string> calls)
    {
        RestApiId = restApiId;
        DeploymentId = deploymentId;
        StageName = stageName;
        InvokeUrl = invokeUrl;
        DryRun = dryRun;
        Changes = changes;
        Calls = calls;
    }

    /// <summary>The REST API's id; empty only when a dry run would create the API.</summary>
    public string RestApiId { get; }

    /// <summary>The deployment the stage serves (or would serve); null when not known yet (dry run).</summary>
    public string? DeploymentId { get; }

    /// <summary>The stage, for workflows that have one.</summary>
    public string? StageName { get; }

    /// <summary>
    /// The stage's invoke URL: <c>https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}</c>, or for a
    /// local emulator on loopback <c>{endpoint}restapis/{restApiId}/{stage}/_user_request_</c>.
    /// </summary>
    public string? InvokeUrl { get; }

    /// <summary>Whether anything was written (in a dry run: would be).</summary>
    public bool Changed => Changes.Count > 0;

    /// <summary>Whether this was a dry run (nothing was written).</summary>
    public bool DryRun { get; }

    /// <summary>What changed, e.g. "created deployment abc123", "changed stage variable env" (variables by name only: their values may be secrets).</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>
    /// What changed in one line for a build's result line: the changes joined with "; " (at most
    /// three, then how many more), or "up to date" when nothing changed.
    /// </summary>
    public string Summary => Changes.Count switch
    {
        0 => DryRun ? "nothing would change" : "up to date",
        <= MaxSummarized => string.Join("; ", Changes),
        _ => string.Join("; ", Changes.Take(MaxSummarized)) + $"; and {Changes.Count - MaxSummarized} more",
    };

    private const int MaxSummarized = 3;

    /// <summary>The operations called, in order, e.g. "GetRestApi", "PutRestApi".</summary>
    public IReadOnlyList<string> Calls { get; }

    /// <summary>What a plan found changed outside the build, one human line each; empty for every other workflow.</summary>
    public IReadOnlyList<string> Drift { get; init; } = [];
}
