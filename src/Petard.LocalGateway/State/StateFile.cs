using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.State;

/// <summary>
/// Keeps the state across runs in one JSON file, written atomically (a temporary file in the same
/// folder, then a rename) so a crash mid-write never leaves half a file behind.
/// </summary>
internal sealed class StateFile(string path)
{
    private const int FormatVersion = 1;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Reads the state; a missing file is an empty state, a corrupt one an error that names the file.</summary>
    public GatewayState Load()
    {
        RemoveStaleTemporaryFiles();
        if (!File.Exists(Path))
        {
            return new GatewayState();
        }

        JsonNode? document;
        try
        {
            // Stored request bodies sit a few levels below the top; allow their own 64 levels on top of that.
            document = JsonNode.Parse(File.ReadAllText(Path, Encoding.UTF8), documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw Corrupt($"it is not valid JSON ({ex.Message})");
        }

        if (document is not JsonObject root || root["format"] is not JsonValue format || !format.TryGetValue(out int version))
        {
            throw Corrupt("it is not a Petard.LocalGateway state file (no 'format' number at its top)");
        }

        if (version != FormatVersion)
        {
            throw Corrupt($"it has format {version}; this emulator reads format {FormatVersion}");
        }

        if (root["state"] is not JsonObject state)
        {
            throw Corrupt("its 'state' object is missing");
        }

        foreach (var collection in GatewayState.CollectionNames)
        {
            CheckCollection(state, collection);
        }

        return new GatewayState((JsonObject)state.DeepClone());
    }

    // The emulator would otherwise replace a collection of the wrong type with an empty one and
    // overwrite the file on the next change: the user's state gone without a word.
    private void CheckCollection(JsonObject state, string name)
    {
        switch (state[name])
        {
            case null:
                return;
            case JsonObject entries:
                foreach (var (id, entry) in entries)
                {
                    if (entry is not JsonObject)
                    {
                        throw Corrupt($"'state.{name}.{id}' is {Describe(entry)}, not an object");
                    }
                }

                return;
            case var other:
                throw Corrupt($"'state.{name}' is {Describe(other)}, not an object");
        }
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : "a JSON " + node.GetValueKind().ToString().ToLowerInvariant();

    /// <summary>
    /// Deletes the temporary files of writes that a killed emulator never finished; a file of a
    /// process still running is left alone, since it may be that process's write in flight.
    /// </summary>
    private void RemoveStaleTemporaryFiles()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        var prefix = $".{System.IO.Path.GetFileName(Path)}.";
        foreach (var temporary in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
        {
            var processId = System.IO.Path.GetFileName(temporary)[prefix.Length..^".tmp".Length];
            if (int.TryParse(processId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return false; // this process has not written yet: the file is a leftover of an earlier one with our id
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes the state atomically.</summary>
    /// <param name="state">The state; the caller holds its gate.</param>
    public void Save(GatewayState state)
    {
        var document = new JsonObject { ["format"] = FormatVersion, ["state"] = state.Root.DeepClone() };
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
        File.Move(temporary, Path, overwrite: true);
    }

    private InvalidDataException Corrupt(string why) =>
        new($"The state file '{Path}' cannot be read: {why}. It was left untouched; fix it, move it away, or start without --state-file.");
}
