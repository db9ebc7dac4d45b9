using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.State;

/// <summary>
/// Keeps the state across runs: a JSON snapshot, written atomically (a temporary file in the same
/// folder, then a rename) so a crash mid-write never leaves half a file behind, and a journal beside
/// it (<c>PATH.journal</c>) to which every change is appended, as the entries it changed, before it
/// is answered. A write so costs what it changed; the journal is folded into a new snapshot when it
/// outgrows the snapshot (so the snapshot's cost is shared by as many bytes of changes), at start and
/// when the emulator stops.
/// </summary>
internal sealed class StateFile(string path)
{
    private const int FormatVersion = 1;
    private const long MinimumCompaction = 1024 * 1024;

    private readonly StateJournal journal = new(System.IO.Path.GetFullPath(path) + ".journal");
    private long snapshotBytes;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// Reads the state: the snapshot, then the changes journaled after it (folded into a new snapshot
    /// at once). A missing file is an empty state, a corrupt one an error that names the file.
    /// </summary>
    public GatewayState Load()
    {
        RemoveStaleTemporaryFiles();
        var state = LoadSnapshot();
        if (journal.Replay(state))
        {
            Compact(state);
        }

        return state;
    }

    /// <summary>Journals the changes of one operation; the caller holds the state's gate.</summary>
    /// <param name="state">The state after the change (folded into a snapshot when the journal has grown).</param>
    /// <param name="edits">The entries the operation changed.</param>
    public void Record(GatewayState state, IEnumerable<StateEdit> edits)
    {
        journal.Append(edits);
        if (journal.Bytes > Math.Max(MinimumCompaction, snapshotBytes))
        {
            try
            {
                Compact(state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The change is journaled, so it stands; folding is tried again after the next change.
            }
        }
    }

    /// <summary>Writes the whole state as a new snapshot and starts an empty journal; the caller holds the state's gate.</summary>
    /// <param name="state">The state.</param>
    public void Compact(GatewayState state)
    {
        Save(state);
        journal.Clear(); // after the rename: a crash in between replays changes the snapshot already holds, harmlessly
    }

    private GatewayState LoadSnapshot()
    {
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

        snapshotBytes = new FileInfo(Path).Length;
        root.Remove("state"); // detached, so the state can own it
        return new GatewayState(state);
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

    /// <summary>What a node is, for an error: "a JSON array", "null".</summary>
    public static string Describe(JsonNode? node) => node is null ? "null" : "a JSON " + node.GetValueKind().ToString().ToLowerInvariant();

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
    private void Save(GatewayState state)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WritePropertyName("state");
            state.Root.WriteTo(writer);
            writer.WriteEndObject();
            writer.Flush();
            snapshotBytes = file.Length;
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private InvalidDataException Corrupt(string why) => Corrupt(Path, why);

    /// <summary>The error for a state file (or its journal) that cannot be read.</summary>
    public static InvalidDataException Corrupt(string file, string why) =>
        new($"The state file '{file}' cannot be read: {why}. It was left untouched; fix it, move it away, or start without --state-file.");
}
