using Cake.Core.IO;
using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardImportRestApi"/>: put an OpenAPI file into a REST API.
/// They are the core's <see cref="ImportRestApiRequest"/>.
/// </summary>
public sealed partial class PetardImportRestApiSettings : PetardRestApiSettings, IPetardImportSettings
{
    private readonly ImportRestApiRequest request = new();

    /// <inheritdoc />
    public FilePath? OpenApiFile { get => CakePaths.File(request.Import.OpenApiFile); set => request.Import.OpenApiFile = value?.FullPath; }

    /// <inheritdoc />
    public PutMode PutMode { get => request.Import.PutMode; set => request.Import.PutMode = value; }

    /// <inheritdoc />
    public bool CreateRestApi { get => request.Import.CreateRestApi; set => request.Import.CreateRestApi = value; }

    /// <inheritdoc />
    public bool FailOnWarnings { get => request.Import.FailOnWarnings; set => request.Import.FailOnWarnings = value; }

    /// <inheritdoc />
    internal override ImportRestApiRequest Request => request;
}
