using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of an OpenAPI import, shared by <see cref="PetardImportRestApiSettings"/> and <see cref="PetardDeployApiSettings"/>.</summary>
public interface IPetardImportSettings
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML; a relative path is relative to the Cake working directory.</summary>
    FilePath? OpenApiFile { get; set; }

    /// <inheritdoc cref="ImportSpec.PutMode"/>
    PutMode PutMode { get; set; }

    /// <inheritdoc cref="ImportSpec.CreateRestApi"/>
    bool CreateRestApi { get; set; }

    /// <inheritdoc cref="ImportSpec.FailOnWarnings"/>
    bool FailOnWarnings { get; set; }
}
