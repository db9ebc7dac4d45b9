using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of every alias that works on one REST API: which API, and whether to write at all.</summary>
public abstract class PetardRestApiSettings : PetardSettings
{
    /// <summary>The REST API's id, e.g. <c>a1b2c3d4e5</c>; wins over <see cref="RestApiName"/>.</summary>
    public string? RestApiId { get; set; }

    /// <summary>The REST API's name; exactly one API may carry it.</summary>
    public string? RestApiName { get; set; }

    /// <summary>Read only and report the plan: no write call is made.</summary>
    public bool DryRun { get; set; }

    /// <summary>Copies the API and dry-run settings onto a workflow request.</summary>
    internal TRequest Fill<TRequest>(TRequest request)
        where TRequest : ResolveRestApiRequest
    {
        request.RestApiId = RestApiId;
        request.RestApiName = RestApiName;
        request.DryRun = DryRun;
        return request;
    }
}
