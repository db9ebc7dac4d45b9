namespace Petard.Workflows;

/// <summary>An OpenAPI definition to put into the REST API, and how.</summary>
public sealed class ImportSpec
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML, at most 6 MB; relative to <see cref="WorkflowRequest.BaseDirectory"/>.</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><see cref="PutMode.Overwrite"/> (the default: the file replaces the API) or <see cref="PutMode.Merge"/>.</summary>
    public PutMode PutMode { get; set; } = PutMode.Overwrite;

    /// <summary>Create the API, named by <see cref="RestApiTarget.Name"/>, when no API has that name; on by default.</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <summary>Refuses a put mode the service does not have, before any call.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(PutMode))
        {
            throw PetardErrors.InvalidPutMode(PutMode.ToString());
        }
    }
}
