using Cake.Core.IO;

namespace Cake.Petard;

/// <summary>The settings of an OpenAPI import, shared by <see cref="PetardImportRestApiSettings"/> and <see cref="PetardDeployApiSettings"/>.</summary>
public interface IPetardImportSettings
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML; a relative path is relative to the Cake working directory.</summary>
    FilePath? OpenApiFile { get; set; }

    /// <summary><c>overwrite</c> (the default: the file replaces the API) or <c>merge</c>.</summary>
    string PutMode { get; set; }

    /// <summary>Create the API (named by <see cref="PetardRestApiSettings.RestApiName"/>) when no API has that name; on by default.</summary>
    bool CreateRestApi { get; set; }

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    bool FailOnWarnings { get; set; }
}
