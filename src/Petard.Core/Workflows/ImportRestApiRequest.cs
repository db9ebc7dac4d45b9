namespace Petard.Workflows;

/// <summary>Put an OpenAPI definition into a REST API, creating the API when it does not exist.</summary>
public class ImportRestApiRequest : ResolveRestApiRequest
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML, at most 6 MB.</summary>
    public string OpenApiFile { get; set; } = "";

    /// <summary><c>overwrite</c> (the default: the file replaces the API) or <c>merge</c>.</summary>
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <summary>Create the API (named <see cref="ResolveRestApiRequest.RestApiName"/>) when no API has that name.</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }
}
