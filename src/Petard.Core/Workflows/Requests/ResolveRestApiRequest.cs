namespace Petard.Workflows;

/// <summary>Find a REST API by id or by name.</summary>
public sealed class ResolveRestApiRequest : WorkflowRequest
{
}
