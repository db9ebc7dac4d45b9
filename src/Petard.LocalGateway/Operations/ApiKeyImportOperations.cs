using System.Text;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// ImportApiKeys: a CSV file whose header names the columns (case-insensitive) <c>Name</c>,
/// <c>Key</c>, <c>Description</c>, <c>Enabled</c> and <c>UsagePlanIds</c> (separated by <c>;</c>
/// inside the cell), one key per line. A line that cannot be imported is a warning, or the
/// request's failure with <c>failOnWarnings</c>.
/// </summary>
internal static class ApiKeyImportOperations
{
    public static void Register(OperationTable table) => table.Add("ImportApiKeys", Import);

    private static OperationResult Import(OperationInput input, GatewayState state)
    {
        ServiceErrors.Enum(input, "format");
        var failOnWarnings = input.Bool("failOnWarnings") == true;
        var lines = Encoding.UTF8.GetString(input.Payload ?? []).TrimStart('\uFEFF')
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw ServiceErrors.BadRequest("invalidApiKeysImport", ("reason", "the file is empty; its first line names the columns (Name,Key,Description,Enabled,UsagePlanIds)."));
        }

        var header = Cells(lines[0]).Select(c => c.ToLowerInvariant()).ToList();
        if (!header.Contains("key"))
        {
            throw ServiceErrors.BadRequest("invalidApiKeysImport", ("reason", "the header has no 'Key' column."));
        }

        var ids = new JsonArray();
        var warnings = new JsonArray();
        for (var line = 1; line < lines.Count; line++)
        {
            var cells = Cells(lines[line]);
            string? Cell(string column) => header.IndexOf(column) is var i and >= 0 && i < cells.Count && cells[i].Length > 0 ? cells[i] : null;
            try
            {
                var key = ApiKeyOperations.Add(state, Cell("key") ?? string.Empty, Cell("name"), bool.TryParse(Cell("enabled"), out var enabled) && enabled, Cell("description"));
                foreach (var planId in (Cell("usageplanids") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    GatewayState.Collection(UsagePlanOperations.Plan(state, planId), "keys")[key["id"]!.GetValue<string>()] =
                        new JsonObject { ["id"] = key["id"]!.DeepClone(), ["type"] = "API_KEY", ["value"] = key["value"]!.DeepClone(), ["name"] = key["name"]!.DeepClone() };
                }

                ids.Add(key["id"]!.GetValue<string>());
            }
            catch (GatewayException error) when (!failOnWarnings)
            {
                warnings.Add($"Line {line + 1}: {error.Message}");
            }
        }

        return new JsonObject { ["ids"] = ids, ["warnings"] = warnings };
    }

    // A CSV line: commas separate cells, a quoted cell may hold commas and doubled quotes.
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
