using System.Net;

namespace Petard.Workflows;

/// <summary>
/// One workflow run: sends the calls, records them and what changed, and in a dry run turns every
/// write into a line of the plan instead of a call.
/// </summary>
internal sealed class WorkflowRun
{
    private readonly PetardClient client;
    private readonly List<string> calls = [];
    private readonly List<string> changes = [];

    public WorkflowRun(PetardClient client, IPetardLog log, bool dryRun)
    {
        this.client = client;
        Log = log;
        DryRun = dryRun;
    }

    public IPetardLog Log { get; }

    public bool DryRun { get; }

    /// <summary>Where the calls go, for messages.</summary>
    public Uri Endpoint => client.Endpoint;

    /// <summary>The region the calls are signed for, for messages.</summary>
    public string Region => client.Region;

    /// <summary>Sends a call, read or write, and records it.</summary>
    /// <remarks>Parameters are a <c>JsonObject</c> or a dictionary of plain values (a blob's bytes): the workflows never reflect, so a deploy runs trimmed or Native AOT.</remarks>
    public async Task<Resource> SendAsync(string operation, object parameters, CancellationToken cancellationToken)
    {
        calls.Add(operation);
        Log.Detail($"{operation} ...");
        return await client.InvokeWithoutReflectionAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A read whose "not found" answer is a normal outcome (the stage does not exist yet).</summary>
    public async Task<Resource?> SendOrNullAsync(string operation, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (PetardServiceException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorType == "NotFoundException")
        {
            return null;
        }
    }

    /// <summary>Sends a write, or in a dry run only records it as planned; returns null in a dry run.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="change">The change in words, e.g. "created stage 'dev'" (a dry run says "would ...").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Resource?> WriteAsync(string operation, object parameters, string change, CancellationToken cancellationToken) =>
        WriteAsync(operation, parameters, _ => change, cancellationToken);

    /// <summary>Sends a write whose change is told from its answer (the new id); null answer in a dry run.</summary>
    public async Task<Resource?> WriteAsync(string operation, object parameters, Func<Resource?, string> change, CancellationToken cancellationToken)
    {
        if (DryRun)
        {
            Change($"would have {change(null)}");
            return null;
        }

        var result = await SendAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
        Change(change(result));
        return result;
    }

    /// <summary>
    /// Sends a write that is not idempotent (a POST). When its answer is lost (PETARD1015: the request
    /// may have reached the service), <paramref name="findWritten"/> looks for what it would have
    /// written; the write is sent again only when nothing is found, so a dropped connection costs
    /// neither a failed deploy nor a duplicate.
    /// </summary>
    public async Task<Resource?> WriteOnceAsync(string operation, object parameters, Func<Resource?, string> change, Func<CancellationToken, Task<Resource?>> findWritten, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(operation, parameters, change, cancellationToken).ConfigureAwait(false);
        }
        catch (PetardException ex) when (ex.Code == PetardErrorCodes.Unreachable)
        {
            Log.Warning(PetardWarnings.AnswerLost(operation, ex.Message));
            var written = await findWritten(cancellationToken).ConfigureAwait(false)
                ?? await SendAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
            Change(change(written));
            return written;
        }
    }

    /// <summary>Records a change the last write made (a dry run: would make).</summary>
    public void Change(string change)
    {
        changes.Add(change);
        Log.Info(char.ToUpperInvariant(change[0]) + change[1..]);
    }

    public string? InvokeUrl(string restApiId, string? stageName) =>
        string.IsNullOrEmpty(restApiId) || string.IsNullOrEmpty(stageName) ? null : InvokeUrls.For(client, restApiId, stageName);

    public WorkflowResult Result(string restApiId, string? deploymentId = null, string? stageName = null) =>
        new(restApiId, deploymentId, stageName, InvokeUrl(restApiId, stageName), DryRun, changes.ToArray(), calls.ToArray());
}
