namespace Petard.CodeFirst;

/// <summary>Picks the one of the documents an app generated at build that is deployed.</summary>
internal static class GeneratedDocuments
{
    /// <summary>The name ASP.NET Core gives the document <c>AddOpenApi()</c> registers.</summary>
    public const string DefaultName = "v1";

    /// <summary>The path of the document to deploy.</summary>
    /// <param name="documents">The generated documents' paths by document name.</param>
    /// <param name="name">The document's name; null: the only one, else v1.</param>
    public static string Select(IDictionary<string, string> documents, string? name)
    {
        var names = documents.Keys.Order(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(name))
        {
            return documents.Count == 1
                ? documents.Values.Single()
                : documents.TryGetValue(DefaultName, out var v1) ? v1 : throw PetardErrors.GeneratedDocumentAmbiguous(names);
        }

        var match = documents.FirstOrDefault(d => string.Equals(d.Key, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match.Value ?? throw PetardErrors.NoGeneratedDocument(name.Trim(), names);
    }
}
