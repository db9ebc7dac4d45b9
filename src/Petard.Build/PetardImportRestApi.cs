using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>Puts an OpenAPI file into a REST API, creating the API when no API has the name.</summary>
public sealed partial class PetardImportRestApi : PetardTask, ICodeFirstParameters, IImportParameters
{
    /// <summary>The OpenAPI 2 or 3 file, JSON or YAML (unset: the core's coded PETARD1006, not MSBuild's MSB4044).</summary>
    public string? OpenApiFile { get; set; }

    /// <summary><c>overwrite</c> (default) or <c>merge</c>.</summary>
    public string? PutMode { get; set; }

    /// <summary>Create the API when no API has the name (default true).</summary>
    public bool CreateRestApi { get; set; } = true;

    /// <summary>Make the service refuse a definition it has warnings about.</summary>
    public bool FailOnWarnings { get; set; }

    /// <inheritdoc />
    protected override Task<WorkflowResult> RunAsync(PetardDeployer deployer, CancellationToken cancellationToken)
    {
        var request = TaskRequests.Request(this, new ImportRestApiRequest());
        TaskRequests.Import(this, request.Import);
        CodeFirstRequests.Import(this, request.Import);
        return deployer.ImportRestApiAsync(request, cancellationToken);
    }
}
