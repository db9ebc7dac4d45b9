namespace Petard.Workflows;

/// <summary>Put an OpenAPI definition into a REST API, creating the API when it does not exist.</summary>
public sealed class ImportRestApiRequest : WorkflowRequest
{
    /// <summary>The definition and how to put it; <see cref="ImportSpec.OpenApiFile"/> is required.</summary>
    public ImportSpec Import { get; } = new();
}
