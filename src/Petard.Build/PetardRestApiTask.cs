using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>A task that works on one REST API, named by id or by name.</summary>
public abstract class PetardRestApiTask : PetardTask
{
    /// <summary>The REST API's id; after the task, the id it resolved to (empty when a dry run would create the API).</summary>
    [Output]
    public string? RestApiId { get; set; }

    /// <summary>The REST API's name, when no id is given.</summary>
    public string? RestApiName { get; set; }

    /// <summary>Fills the API part of a request.</summary>
    /// <typeparam name="T">The request type.</typeparam>
    /// <param name="request">The request.</param>
    protected T WithRestApi<T>(T request)
        where T : ResolveRestApiRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RestApiId = Blank(RestApiId);
        request.RestApiName = Blank(RestApiName);
        request.DryRun = DryRun;
        return request;
    }

    /// <inheritdoc />
    protected override void SetOutputs(DeployResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RestApiId = result.RestApiId;
    }
}
