using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// What every Petard task shares: the client settings, the REST API it works on, the coded error
/// reporting and cancellation. A task maps its parameters to a workflow request (in
/// <see cref="TaskRequests"/>), runs it, and maps the result to its outputs.
/// </summary>
public abstract class PetardTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The AWS region (default: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's region).</summary>
    public string? Region { get; set; }

    /// <summary>The AWS profile of the shared config/credentials files (default: <c>AWS_PROFILE</c>, else the default chain).</summary>
    public string? Profile { get; set; }

    /// <summary>The API Gateway endpoint, e.g. a local emulator's <c>http://127.0.0.1:4567</c>.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// <c>true</c> or <c>false</c>: pace calls to the service's quotas, across the builds of this
    /// machine for CreateDeployment's (blank: on for AWS endpoints, off for a loopback emulator).
    /// </summary>
    public string? Pacing { get; set; }

    /// <summary>Read only and report the plan.</summary>
    public bool DryRun { get; set; }

    /// <summary>The REST API's id; after the task, the id of the API it worked on.</summary>
    [Output]
    public string? RestApiId { get; set; }

    /// <summary>The REST API's name (used when no id is given).</summary>
    public string? RestApiName { get; set; }

    /// <summary>
    /// The user's project file (<c>$(MSBuildProjectFullPath)</c>): errors are located there and relative
    /// paths start from its folder. Unset: the file that calls the task.
    /// </summary>
    public string? ProjectFile { get; set; }

    /// <summary>Stops the in-flight request (Ctrl+C).</summary>
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            using var orphaned = ParentWatch.Start(cancellation);
            using var client = PetardClient.Create(TaskRequests.ClientOptions(this));
            var deployer = new PetardDeployer(client, new TaskLog(Log, UserProjectFile));
            var result = RunAsync(deployer, cancellation.Token).GetAwaiter().GetResult();
            SetOutputs(result);
        }
        catch (PetardException ex)
        {
            LogError(ex);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.LogWarning("Petard: canceled; the call in flight was abandoned.");
            return false;
        }
        catch (Exception ex)
        {
            // A bug must still reach the user as a coded error, not as MSB4018 with a stack trace.
            LogError(PetardException.FromUnexpected(ex));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The folder relative paths start from: the project's.</summary>
    internal string? ProjectDirectory => UserProjectFile is { Length: > 0 } project ? Path.GetDirectoryName(Path.GetFullPath(project)) : null;

    // An error in a file's content (an OpenAPI file) is located there, at its line; every other one in the user's
    // project, at the line of the setting it names when the project sets it.
    private void LogError(PetardException ex)
    {
        var line = ex.File is null ? SettingLines.Of(UserProjectFile, ex.Settings.Select(MSBuildSettingNames.Of)) : ex.Line;
        Log.LogError(null, ex.Code, null, PetardErrorHelp.LinkFor(ex.Code), ex.File ?? UserProjectFile, line, 0, 0, 0, ex.Describe(MSBuildSettingNames.Of));
    }

    // BuildEngine.ProjectFileOfTaskNode is the file the task element is in: our targets, when called from DeployApi.
    private string? UserProjectFile => TaskRequests.OrNull(ProjectFile) ?? BuildEngine?.ProjectFileOfTaskNode;

    /// <summary>Runs the task's workflow.</summary>
    /// <param name="deployer">The workflows, over a client made from the common parameters.</param>
    /// <param name="cancellationToken">Canceled by <see cref="Cancel"/>.</param>
    /// <returns>The workflow's result.</returns>
    protected abstract Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken);

    /// <summary>Copies the result to the task's outputs.</summary>
    /// <param name="result">The workflow's result.</param>
    protected virtual void SetOutputs(WorkflowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RestApiId = result.RestApiId;
    }

}
