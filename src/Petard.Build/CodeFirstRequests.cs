using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>The code-first parameters of the tasks (<see cref="ICodeFirstParameters"/>) as the core's import settings: one mapping for every task.</summary>
internal static class CodeFirstRequests
{
    /// <summary>The name ASP.NET Core gives the document that <c>AddOpenApi()</c> registers.</summary>
    private const string DefaultDocument = "v1";

    public static void Import(ICodeFirstParameters task, ImportSpec import)
    {
        import.IntegrationType = TaskRequests.OrNull(task.IntegrationType);
        import.IntegrationUri = TaskRequests.OrNull(task.IntegrationUri);
        import.Integrations = (task.Integrations ?? [])
            .Select(i => new OperationIntegration(i.ItemSpec, TaskRequests.OrNull(i.GetMetadata("Type")), TaskRequests.OrNull(i.GetMetadata("Uri"))))
            .ToList();
        import.DocumentName = TaskRequests.OrNull(task.OpenApiDocumentName);
        import.DeployedDocumentFile = TaskRequests.OrNull(task.DeployedDocumentFile);
        import.GeneratedDocuments = Named(task.GeneratedDocuments, task.ProjectFile);
    }

    /// <summary>A web project that neither sets an OpenAPI file nor generates documents at build is PETARD1006, saying how to add either.</summary>
    public static void RequireSource(PetardDeployApi task, ImportSpec import)
    {
        if (task.GeneratorMissing && import.OpenApiFile is null && import.GeneratedDocuments.Count == 0)
        {
            throw TaskErrors.NoOpenApiSource();
        }
    }

    /// <summary>
    /// The generated documents by name: Microsoft.Extensions.ApiDescription.Server writes the document
    /// <c>v1</c> as <c>{project}.json</c> and any other as <c>{project}_{name}.json</c>.
    /// </summary>
    private static Dictionary<string, string> Named(ITaskItem[]? documents, string? projectFile)
    {
        var project = Path.GetFileNameWithoutExtension(projectFile ?? "");
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents ?? [])
        {
            var stem = Path.GetFileNameWithoutExtension(document.ItemSpec);
            var name = stem == project ? DefaultDocument : stem.StartsWith(project + "_", StringComparison.Ordinal) ? stem[(project.Length + 1)..] : stem;
            named[name] = document.GetMetadata("FullPath") is { Length: > 0 } full ? full : document.ItemSpec;
        }

        return named;
    }
}
