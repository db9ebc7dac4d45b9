using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>
/// The official API Gateway model as botocore ships it: the oracle of the conformance and
/// marshalling tests. In CI (CI=true) a missing file fails the tests; elsewhere they are skipped
/// with the line that installs it.
/// </summary>
public static class OfficialModel
{
    public const string InstallHint = "sudo apt-get install python3-botocore";
    private const string RelativePath = "data/apigateway/2015-07-09/service-2.json";
    private const string DebianPath = "/usr/lib/python3/dist-packages/botocore/" + RelativePath;

    private static readonly Lazy<JsonElement?> Loaded = new(Load);

    /// <summary>Where the file was found, or <c>null</c>.</summary>
    public static string? Path { get; private set; }

    /// <summary>The official operation names, or one placeholder when the file is missing (so a theory reports a skip, not nothing).</summary>
    public static IReadOnlyList<string> OperationNames() =>
        Loaded.Value is { } model
            ? model.GetProperty("operations").EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal).ToList()
            : ["(missing) apt-get install python3-botocore"]; // short: runners cut long case names

    /// <summary>The model; skips the test (or fails it in CI) when the file is missing.</summary>
    public static JsonElement Require()
    {
        if (Loaded.Value is { } model)
        {
            return model;
        }

        var message = $"The official API Gateway model (botocore {RelativePath}) was not found. Install it with: {InstallHint}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " (CI=true: a missing oracle fails the run instead of skipping).");
        }

        Skip.If(true, message);
        return default;
    }

    public static JsonElement Operation(string name) => Require().GetProperty("operations").GetProperty(name);

    public static JsonElement Shape(string name) => Require().GetProperty("shapes").GetProperty(name);

    /// <summary>Whether the operation answers raw bytes (its output payload is a blob), as GetExport does.</summary>
    public static bool HasBlobOutput(string operation)
    {
        if (!Operation(operation).TryGetProperty("output", out var output))
        {
            return false;
        }

        var shape = Shape(output.GetProperty("shape").GetString()!);
        return shape.TryGetProperty("payload", out var payload)
            && Shape(shape.GetProperty("members").GetProperty(payload.GetString()!).GetProperty("shape").GetString()!).GetProperty("type").GetString() == "blob";
    }

    private static JsonElement? Load()
    {
        // PETARD_OFFICIAL_MODEL names the file explicitly (a newer botocore, or a missing path to see the skip).
        var candidates = Environment.GetEnvironmentVariable("PETARD_OFFICIAL_MODEL") is { Length: > 0 } explicitPath
            ? [explicitPath]
            : new List<string> { DebianPath };
        if (candidates.Count == 1 && candidates[0] == DebianPath && BotocoreDirectory() is { } directory)
        {
            candidates.Add(System.IO.Path.Combine(directory, RelativePath));
        }

        Path = candidates.FirstOrDefault(File.Exists);
        if (Path is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
        return document.RootElement.Clone();
    }

    private static string? BotocoreDirectory()
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (python is null)
            {
                return null;
            }

            var output = python.StandardOutput.ReadToEnd().Trim();
            python.WaitForExit();
            return python.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on this machine
        }
    }
}
