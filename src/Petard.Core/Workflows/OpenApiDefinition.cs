using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Petard.Yaml;

namespace Petard.Workflows;

/// <summary>
/// An OpenAPI 2 (Swagger) or 3 definition read from a file and checked before anything is sent:
/// it exists, is at most 6 MB (the service's import limit), is UTF-8 JSON or YAML, and says which
/// OpenAPI version it is.
/// </summary>
internal sealed class OpenApiDefinition
{
    /// <summary>The largest definition the service imports.</summary>
    public const int MaxBytes = 6 * 1024 * 1024;

    /// <summary>How long reading the file may take: a regular file of 6 MB takes milliseconds.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private OpenApiDefinition(string path, byte[] content)
    {
        Path = path;
        Content = content;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's bytes, sent as they are.</summary>
    public byte[] Content { get; }

    /// <summary>The same definition with other content to send (converted, with integrations added).</summary>
    internal OpenApiDefinition WithContent(byte[] content) => new(Path, content);

    /// <summary>Reads and checks the file a request names.</summary>
    /// <param name="request">The request, for its base directory.</param>
    /// <param name="file">The file setting as given.</param>
    /// <param name="checkedBefore">Whether these exact bytes passed the check before (obj/'s memory): then they are not parsed again.</param>
    public static OpenApiDefinition Load(WorkflowRequest request, string? file, Func<byte[], bool>? checkedBefore = null)
    {
        var path = request.FullPath(file) ?? throw PetardErrors.NoOpenApiFile();
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw PetardErrors.OpenApiFileIsFolder(path);
            }

            if (!info.Exists)
            {
                throw PetardErrors.OpenApiFileNotFound(path, request.BaseDirectory ?? Environment.CurrentDirectory);
            }

            content = ReadBounded(path);
            if (content.Length > MaxBytes)
            {
                var size = info.LinkTarget is null && info.Length > MaxBytes ? $"{info.Length:N0} bytes" : $"over {MaxBytes:N0} bytes";
                throw Invalid(path, $"it is {size}; API Gateway imports at most {MaxBytes:N0} bytes (6 MB). Split the API or remove unused parts");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw PetardErrors.OpenApiFileUnreadable(path, ex);
        }

        if (checkedBefore?.Invoke(content) == true)
        {
            return new OpenApiDefinition(path, content);
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

        if (text.TrimStart().StartsWith('{'))
        {
            CheckJson(path, text);
        }
        else
        {
            CheckYaml(path, text);
        }

        return new OpenApiDefinition(path, content);
    }

    /// <summary>
    /// At most one byte more than the service takes, within <see cref="ReadTimeout"/>: a link to
    /// /dev/zero would otherwise grow without end, and a named pipe nobody writes to would block forever.
    /// </summary>
    private static byte[] ReadBounded(string path)
    {
        var reading = Task.Run(() =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[MaxBytes + 1];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += count;
            }

            return buffer.AsSpan(0, read).ToArray();
        });

        // A blocked open of a pipe cannot be cancelled; the thread ends with the process (the build's task host).
        return Task.WaitAny([reading], ReadTimeout) == 0
            ? reading.GetAwaiter().GetResult()
            : throw new IOException($"nothing could be read within {ReadTimeout.TotalSeconds:0} s: it is not a regular file (a pipe or a device?)");
    }

    private static void CheckJson(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string? Field(JsonElement parent, string name) =>
                parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
            var info = root.TryGetProperty("info", out var i) ? i : default;
            Check(path, Field(root, "swagger"), Field(root, "openapi"), info.ValueKind == JsonValueKind.Object);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw Invalid(path, $"it is not valid JSON (line {line}): {ex.Message}", ex, line);
        }
    }

    private static void CheckYaml(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            YamlDepthGuard.Check(text); // the loader recurses per level: a deep enough file would overflow the stack and kill the build
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var line = YamlErrorLine(text, ex);
            throw Invalid(path, $"it is not valid YAML (line {line}): {ex.Message}", ex, line);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's loader fails in a state of its own ("Operation is not valid due to the current
            // state of the object") on a '[' or '{' that later lines never close: say that, at its line.
            var line = UnclosedFlowLine(text);
            throw Invalid(path, $"it is not valid YAML (line {line}): a '[' or '{{' opened on line {line} is never closed. Close it, or quote the value", ex, line);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Invalid(path, "it is not a JSON or YAML object");
        }

        static string? Field(YamlMappingNode? parent, string name) =>
            parent is not null && parent.Children.TryGetValue(new YamlScalarNode(name), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
        var info = root.Children.TryGetValue(new YamlScalarNode("info"), out var i) ? i as YamlMappingNode : null;
        Check(path, Field(root, "swagger"), Field(root, "openapi"), info is not null);
    }

    /// <summary>The line of the innermost '[' or '{' the scanner saw opened and never closed; else the last line it read.</summary>
    private static int UnclosedFlowLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var open = new Stack<int>();
        var last = 1;
        try
        {
            while (scanner.MoveNext())
            {
                last = (int)scanner.Current!.Start.Line;
                switch (scanner.Current)
                {
                    case YamlDotNet.Core.Tokens.FlowSequenceStart or YamlDotNet.Core.Tokens.FlowMappingStart:
                        open.Push(last);
                        break;
                    case YamlDotNet.Core.Tokens.FlowSequenceEnd or YamlDotNet.Core.Tokens.FlowMappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // The scanner stops where the loader did: what it saw up to there is the answer.
        }

        return open.Count > 0 ? open.Peek() : last;
    }

    /// <summary>
    /// The line to show: YamlDotNet puts a tab used as indentation at the start of its mapping and an
    /// unclosed bracket past the end of the file; the user wants the tab's line and the file's last line.
    /// </summary>
    private static int YamlErrorLine(string text, YamlException error)
    {
        var lines = text.Split('\n');
        if (error.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var tabbed = Array.FindIndex(lines, l => l[..(l.Length - l.TrimStart().Length)].Contains('\t', StringComparison.Ordinal));
            if (tabbed >= 0)
            {
                return tabbed + 1;
            }
        }

        var lastLine = Array.FindLastIndex(lines, l => l.Trim().Length > 0) + 1;
        return (int)Math.Clamp(error.Start.Line, 1, Math.Max(lastLine, 1));
    }

    private static void Check(string path, string? swagger, string? openApi, bool hasInfo)
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
    }

    private static PetardException Invalid(string path, string why, Exception? inner = null, int line = 0) => PetardErrors.OpenApiFileInvalid(path, why, line, inner);
}
