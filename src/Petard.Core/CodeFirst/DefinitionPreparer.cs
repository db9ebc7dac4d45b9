using System.Text.Json.Nodes;
using Petard.Workflows;

namespace Petard.CodeFirst;

/// <summary>
/// Makes the definition that is sent from the one given: the file, or the document the app generated;
/// OpenAPI 3.1 converted to 3.0; integrations added by convention. The result is what is fingerprinted
/// and sent, and is written where the caller asks, so what was deployed can be read.
/// A definition that needs none of it is sent byte for byte as the file has it.
/// </summary>
internal static class DefinitionPreparer
{
    /// <summary>The definition to send; null when the import names none (no file, no generated document).</summary>
    /// <param name="request">The request, for its base directory.</param>
    /// <param name="import">The import's settings.</param>
    /// <param name="region">The region Lambda functions named without an ARN are in.</param>
    /// <param name="log">Where conversion losses are reported.</param>
    /// <param name="deploying">The definition is deployed right after: with overwrite, an operation without an integration would fail the deployment.</param>
    public static OpenApiDefinition? Load(WorkflowRequest request, ImportSpec import, string region, IPetardLog log, bool deploying)
    {
        var file = OptionalText.Of(import.OpenApiFile)
            ?? (import.GeneratedDocuments.Count > 0 ? GeneratedDocuments.Select(import.GeneratedDocuments, import.DocumentName) : null);
        if (file is null)
        {
            return null;
        }

        var requireAll = import.PutMode == PutMode.Overwrite && (deploying || import.HasIntegrationSettings);
        var deployedDocument = request.FullPath(import.DeployedDocumentFile);
        var source = PreparedSource.For(deployedDocument, import, requireAll);
        var definition = OpenApiDefinition.Load(request, file, source.IsUnchanged);
        if (source.Matched)
        {
            Write(deployedDocument, definition.Content);
            return definition; // checked and found to go as it is before, byte for byte: not parsed again
        }

        var counted = new CountedLog(log);
        var content = Prepare(definition, import, region, counted, requireAll);
        if (content is null && counted.Count == 0)
        {
            source.Remember(definition.Content); // a file with warnings is read in full each time, so they are shown each time
        }
        else
        {
            source.Forget();
        }

        var prepared = content is null ? definition : definition.WithContent(content);
        Write(deployedDocument, prepared.Content);
        return prepared;
    }

    /// <summary>The content to send instead of the file's, or null when the file is sent as it is.</summary>
    private static byte[]? Prepare(OpenApiDefinition definition, ImportSpec import, string region, IPetardLog log, bool requireAll)
    {
        var fileName = Path.GetFileName(definition.Path);
        JsonObject root;
        try
        {
            root = OpenApiJson.Parse(definition.Content);
        }
        catch (InvalidDataException ex)
        {
            throw PetardErrors.OpenApiFileInvalid(definition.Path, ex.Message, 0, ex);
        }

        DefinitionIntegrations.Check(root, definition);
        var convert = OpenApi31Converter.Applies(root);
        if (!convert && !requireAll && !import.HasIntegrationSettings)
        {
            return null;
        }

        if (convert)
        {
            foreach (var loss in OpenApi31Converter.Convert(root).GroupBy(l => l.What))
            {
                var where = loss.Select(l => l.Where).ToList();
                log.Warning(PetardWarnings.OpenApi31Dropped(definition.Path, DefinitionLines.Of(definition.Content, where[0]), loss.Key, where));
            }
        }

        var added = new IntegrationOverlay(import, fileName, region, log).Apply(root, requireAll);
        if (!convert && added == 0)
        {
            return null;
        }

        log.Info($"{fileName}: {(convert ? $"converted from OpenAPI 3.1 to {OpenApi31Converter.TargetVersion}" : "sent")}{(added > 0 ? $", with integrations added to {added} operation(s)" : "")}.");
        return OpenApiJson.Write(root);
    }

    private static void Write(string? path, byte[] content)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
            {
                File.WriteAllBytes(path, content); // unchanged content keeps its timestamp, so incremental builds see no change
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw PetardErrors.DeployedDocumentUnwritable(path, ex);
        }
    }

    /// <summary>Counts what preparing reported, so that a file with something to say is never skipped.</summary>
    private sealed class CountedLog(IPetardLog inner) : IPetardLog
    {
        public int Count { get; private set; }

        public void Info(string message)
        {
            Count++;
            inner.Info(message);
        }

        public void Detail(string message) => inner.Detail(message);

        public void Warning(PetardWarning warning)
        {
            Count++;
            inner.Warning(warning);
        }
    }
}
