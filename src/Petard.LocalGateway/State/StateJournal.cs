using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.State;

/// <summary>
/// The changes made since the last snapshot, one line per operation:
/// <c>{"edits":[{"collection":"restApis","id":"a1b2c3d4e5","value":{...}}, ...]}</c>, a removed entry
/// with <c>"value":null</c>. One line holds all of an operation's edits, so a line cut off by a kill
/// (the last one, without its newline: it was never answered) is dropped whole.
/// </summary>
internal sealed class StateJournal(string path)
{
    public string Path { get; } = path;

    /// <summary>The journal's length: what a replay would read.</summary>
    public long Bytes { get; private set; }

    /// <summary>Appends one operation's edits and hands them to the operating system before returning.</summary>
    /// <param name="edits">The entries the operation changed.</param>
    /// <exception cref="IOException">The journal could not be written; it is left as it was.</exception>
    public void Append(IEnumerable<StateEdit> edits)
    {
        var line = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(line))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("edits");
            foreach (var edit in edits)
            {
                writer.WriteStartObject();
                writer.WriteString("collection", edit.Collection);
                writer.WriteString("id", edit.Id);
                writer.WritePropertyName("value");
                if (edit.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    edit.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        var end = file.Seek(0, SeekOrigin.End);
        try
        {
            file.Write(line.WrittenSpan);
            file.WriteByte((byte)'\n');
            file.Flush();
        }
        catch (IOException)
        {
            file.SetLength(end); // no half line may stay in front of the next one
            throw;
        }

        Bytes = file.Length;
    }

    /// <summary>Applies the journal to a state just loaded from its snapshot; false when there is no journal.</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="InvalidDataException">A line that is not an operation's edits, or an entry that is not an object.</exception>
    public bool Replay(GatewayState state)
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        var text = File.ReadAllText(Path, Encoding.UTF8);
        var lines = text.Split('\n');
        // The last piece is empty after a complete line; anything else there was cut off mid-write.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            foreach (var (collection, id, value) in Read(lines[i], i + 1))
            {
                if (state.Root[collection] is not JsonObject entries)
                {
                    throw Corrupt(i + 1, $"'{collection}' is not a collection of the state");
                }

                if (value is null)
                {
                    entries.Remove(id);
                }
                else
                {
                    entries[id] = value as JsonObject ?? throw Corrupt(i + 1, $"'state.{collection}.{id}' is {StateFile.Describe(value)}, not an object");
                }
            }
        }

        return true;
    }

    /// <summary>Empties the journal once a snapshot holds everything in it.</summary>
    public void Clear()
    {
        File.Delete(Path);
        Bytes = 0;
    }

    private IEnumerable<(string Collection, string Id, JsonNode? Value)> Read(string line, int number)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw Corrupt(number, $"it is not valid JSON ({ex.Message})");
        }

        if (node is not JsonObject { } entry || entry["edits"] is not JsonArray edits)
        {
            throw Corrupt(number, "it has no 'edits' list");
        }

        var read = new List<(string, string, JsonNode?)>();
        foreach (var edit in edits.ToList())
        {
            if (edit is not JsonObject e || e["collection"] is not JsonValue collection || !collection.TryGetValue(out string? c)
                || e["id"] is not JsonValue id || !id.TryGetValue(out string? i))
            {
                throw Corrupt(number, "an edit lacks its 'collection' or 'id'");
            }

            var value = e["value"];
            e.Remove("value"); // detached, so the state can own it
            read.Add((c, i, value));
        }

        return read;
    }

    private InvalidDataException Corrupt(int line, string why) => StateFile.Corrupt(Path, $"line {line} of the journal: {why}");
}
