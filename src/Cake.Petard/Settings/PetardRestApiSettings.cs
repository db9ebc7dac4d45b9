using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of every alias that works on one REST API: which API, and whether to write at all.</summary>
public abstract class PetardRestApiSettings : PetardSettings
{
    /// <inheritdoc cref="RestApiTarget.Id"/>
    public string? RestApiId { get => Request.RestApi.Id; set => Request.RestApi.Id = value; }

    /// <inheritdoc cref="RestApiTarget.Name"/>
    public string? RestApiName { get => Request.RestApi.Name; set => Request.RestApi.Name = value; }

    /// <inheritdoc cref="WorkflowRequest.DryRun"/>
    public bool DryRun { get => Request.DryRun; set => Request.DryRun = value; }

    /// <summary>The core request these settings are; the alias hands it to the workflow as it is.</summary>
    internal abstract WorkflowRequest Request { get; }
}
