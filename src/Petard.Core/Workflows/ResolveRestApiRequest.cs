namespace Petard.Workflows;

/// <summary>Which REST API to work on: by id, or by name (the id wins when both are given).</summary>
public class ResolveRestApiRequest : WorkflowRequest
{
    /// <summary>The REST API's id, e.g. <c>a1b2c3d4e5</c>.</summary>
    public string? RestApiId { get; set; }

    /// <summary>The REST API's name; exactly one API may carry it.</summary>
    public string? RestApiName { get; set; }
}
