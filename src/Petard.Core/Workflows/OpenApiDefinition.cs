using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Petard.Workflows;

/// <summary>
/// An OpenAPI 2 (Swagger) or 3 definition read from a file and checked before anything is sent:
/// it exists, is at most 6 MB (the service's import limit), is UTF-8 JSON or YAML, and says which
/// OpenAPI version it is.
/// </summary>
internal sealed class OpenApiDefinition
{
    /// <summary>The largest definition the service imports.</summary>
    public const long MaxBytes = 6 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private OpenApiDefinition(string path, byte[] content, string version, string? title)
    {
        Path = path;
        Content = content;
        Version = version;
        Title = title;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's bytes, sent as they are.</summary>
    public byte[] Content { get; }

    /// <summary>The <c>swagger</c> or <c>openapi</c> version, e.g. <c>3.0.1</c>.</summary>
    public string Version { get; }

    /// <summary>The <c>info.title</c>, if any.</summary>
    public string? Title { get; }

    public static OpenApiDefinition Load(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new PetardException(PetardErrorCodes.OpenApiFileMissing, "No OpenAPI file is set. Set it (MSBuild: PetardOpenApiFile) to the path of an OpenAPI 2 or 3 file, JSON or YAML.");
        }

        var path = System.IO.Path.GetFullPath(file);
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new PetardException(PetardErrorCodes.OpenApiFileMissing, $"The OpenAPI file '{path}' does not exist. Check the path (MSBuild: PetardOpenApiFile; relative paths start at the project's folder).");
            }

            if (info.Length > MaxBytes)
            {
                throw Invalid(path, $"it is {info.Length:N0} bytes; API Gateway imports at most {MaxBytes:N0} bytes (6 MB). Split the API or remove unused parts");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PetardException(PetardErrorCodes.OpenApiFileMissing, $"The OpenAPI file '{path}' cannot be read: {ex.Message}", ex);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw Invalid(path, "it is not UTF-8 text. Save it as UTF-8", ex);
        }

        var (version, title) = text.TrimStart().StartsWith('{') ? ReadJson(path, text) : ReadYaml(path, text);
        return new OpenApiDefinition(path, content, version, title);
    }

    private static (string Version, string? Title) ReadJson(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string? Field(JsonElement parent, string name) =>
                parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
            var info = root.TryGetProperty("info", out var i) ? i : default;
            return Check(path, Field(root, "swagger"), Field(root, "openapi"), info.ValueKind == JsonValueKind.Object, Field(info, "title"));
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"it is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    private static (string Version, string? Title) ReadYaml(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(text); // the loader recurses per level: a deep enough file would overflow the stack and kill the build
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw Invalid(path, $"it is not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Invalid(path, "it is not a JSON or YAML object");
        }

        static string? Field(YamlMappingNode? parent, string name) =>
            parent is not null && parent.Children.TryGetValue(new YamlScalarNode(name), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
        var info = root.Children.TryGetValue(new YamlScalarNode("info"), out var i) ? i as YamlMappingNode : null;
        return Check(path, Field(root, "swagger"), Field(root, "openapi"), info is not null, Field(info, "title"));
    }

    /// <summary>Refuses YAML nested deeper than JSON's limit (64), reading its events without recursion.</summary>
    private static void CheckDepth(string text)
    {
        const int MaxDepth = 64;
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart && ++depth > MaxDepth)
            {
                throw new YamlException(parser.Current.Start, parser.Current.End, $"it nests deeper than {MaxDepth} levels");
            }

            if (parser.Current is YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd)
            {
                depth--;
            }
        }
    }

    private static (string Version, string? Title) Check(string path, string? swagger, string? openApi, bool hasInfo, string? title)
    {
        var version = swagger ?? openApi;
        if (version is null)
        {
            throw Invalid(path, "it has neither a 'swagger: \"2.0\"' nor an 'openapi: 3.x' field, so it is not an OpenAPI document");
        }

        if ((swagger is not null && !swagger.StartsWith('2')) || (swagger is null && !version.StartsWith('3')))
        {
            throw Invalid(path, $"its OpenAPI version '{version}' is not supported; API Gateway imports OpenAPI 2.0 (swagger) and 3.x");
        }

        if (!hasInfo)
        {
            throw Invalid(path, "it has no 'info' object (with 'title' and 'version'), which OpenAPI requires");
        }

        return (version, title);
    }

    private static PetardException Invalid(string path, string why, Exception? inner = null) =>
        new(PetardErrorCodes.OpenApiFileInvalid, $"The OpenAPI file '{path}' is not valid: {why}.", inner);
}
