using System.Security.Cryptography;
using System.Text;
using Petard.Workflows;

namespace Petard.CodeFirst;

/// <summary>
/// obj/'s memory of an OpenAPI file that was found to go to the service as it is: a hash of its bytes
/// and of the settings that decided so, kept beside the deployed document. When neither changed, the
/// deploy skips reading the file a second and third time (the check, the YAML or JSON parse, the 3.1
/// check, the integration overlay): an unchanged deploy then never loads YamlDotNet. Without a
/// deployed document (Cake, the library) or with integration settings, nothing is remembered.
/// </summary>
internal sealed class PreparedSource
{
    private readonly string? stampPath;
    private readonly string settings;

    private PreparedSource(string? stampPath, string settings)
    {
        this.stampPath = stampPath;
        this.settings = settings;
    }

    /// <summary>Whether the last <see cref="IsUnchanged"/> found the file as it was remembered.</summary>
    public bool Matched { get; private set; }

    /// <summary>The memory for a deploy writing <paramref name="deployedDocument"/>.</summary>
    public static PreparedSource For(string? deployedDocument, ImportSpec import, bool requireAll) =>
        new(deployedDocument is null || import.HasIntegrationSettings ? null : deployedDocument + ".source", $"{import.PutMode}|{requireAll}");

    /// <summary>Whether these bytes, under these settings, were checked and found to go as they are.</summary>
    public bool IsUnchanged(byte[] content)
    {
        try
        {
            Matched = stampPath is not null && File.Exists(stampPath) && File.ReadAllText(stampPath) == Key(content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Matched = false; // no memory: the file is read in full, as without one
        }

        return Matched;
    }

    /// <summary>Remembers that these bytes go as they are.</summary>
    public void Remember(byte[] content)
    {
        if (stampPath is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
            File.WriteAllText(stampPath, Key(content));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a shortcut: the next deploy reads the file in full.
        }
    }

    /// <summary>Drops the memory (the file now needs changes, or could not be read).</summary>
    public void Forget()
    {
        if (stampPath is not null && File.Exists(stampPath))
        {
            try
            {
                File.Delete(stampPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A stale memory still holds the old bytes' hash, which new bytes cannot match.
            }
        }
    }

    private string Key(byte[] content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settings));
        hash.AppendData([0xFF]); // cannot occur in UTF-8 text: settings and content stay apart
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
