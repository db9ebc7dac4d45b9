using Cake.Core;
using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of <see cref="PetardAliases.PetardImportRestApi"/>: put an OpenAPI file into a REST API.</summary>
public sealed class PetardImportRestApiSettings : PetardRestApiSettings, IPetardImportSettings
{
    /// <inheritdoc />
    public FilePath? OpenApiFile { get; set; }

    /// <inheritdoc />
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <inheritdoc />
    public bool CreateRestApi { get; set; } = true;

    /// <inheritdoc />
    public bool FailOnWarnings { get; set; }

    internal ImportRestApiRequest ToRequest(ICakeEnvironment environment) => Fill(new ImportRestApiRequest
    {
        OpenApiFile = CakePaths.Absolute(OpenApiFile, environment) ?? "",
        PutMode = PutMode,
        CreateRestApi = CreateRestApi,
        FailOnWarnings = FailOnWarnings,
    });
}
