using Petard.Model;

namespace Petard.Workflows;

/// <summary>An OpenAPI definition to put into the REST API, and how.</summary>
public sealed partial class ImportSpec
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML, at most 6 MB; relative to <see cref="WorkflowRequest.BaseDirectory"/>.</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><see cref="PutMode.Overwrite"/> (the default: the file replaces the API) or <see cref="PutMode.Merge"/>.</summary>
    public PutMode PutMode { get; set; } = PutMode.Overwrite;

    /// <summary>Create the API, named by <see cref="RestApiTarget.Name"/>, when no API has that name; on by default.</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <summary>The put mode as the service writes it (<c>overwrite</c>, <c>merge</c>).</summary>
    internal string WirePutMode => PutMode.ToString().ToLowerInvariant();

    /// <summary>Refuses a put mode the service does not have, before any call.</summary>
    internal void Validate()
    {
        if (!ServiceRules.Default.PutModes.Contains(WirePutMode))
        {
            throw PetardErrors.PutModeInvalid(PutMode.ToString(), ServiceRules.Default.PutModes);
        }
    }
}
