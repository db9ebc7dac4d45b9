namespace Petard.Build;

/// <summary>The parameters of an OpenAPI import, shared by <see cref="PetardImportRestApi"/> and <see cref="PetardDeployApi"/>.</summary>
internal interface IImportParameters
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML; relative to the project's folder.</summary>
    string? OpenApiFile { get; }

    /// <summary><c>overwrite</c> (the default) or <c>merge</c>.</summary>
    string? PutMode { get; }

    /// <summary>Create the API when no API has the name.</summary>
    bool CreateRestApi { get; }

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    bool FailOnWarnings { get; }
}
