using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>Puts an OpenAPI file into a REST API (PutRestApi), or creates the API from it (ImportRestApi).</summary>
public sealed class PetardImportRestApi : PetardRestApiTask
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML.</summary>
    [Required]
    public string OpenApiFile { get; set; } = "";

    /// <summary><c>overwrite</c> (default) or <c>merge</c>.</summary>
    public string PutMode { get; set; } = PutModes.Overwrite;

    /// <summary>Create the API when no API has the name (default true).</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <inheritdoc />
    protected override Task<DeployResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken) =>
        deployer.ImportRestApiAsync(
            WithRestApi(new ImportRestApiRequest { OpenApiFile = OpenApiFile, PutMode = Blank(PutMode) ?? PutModes.Overwrite, CreateRestApi = CreateRestApi, FailOnWarnings = FailOnWarnings }),
            cancellationToken);

    /// <inheritdoc />
    protected override string? ErrorFile(PetardException exception) => TaskInputs.OpenApiErrorFile(exception, OpenApiFile);
}
