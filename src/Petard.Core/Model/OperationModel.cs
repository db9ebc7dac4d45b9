using System.Collections.ObjectModel;
using System.Text.Json;

namespace Petard.Model;

/// <summary>
/// The operation model of API Gateway (REST APIs, 2015-07-09): every operation and how its members
/// are marshalled. It is data, read from the project's own JSON file embedded in this assembly.
/// </summary>
public sealed class OperationModel
{
    private const string ResourceName = "Petard.Model.apigateway-operations.json";
    private static readonly Lazy<OperationModel> Embedded = new(LoadEmbedded);

    private OperationModel(string apiVersion, IReadOnlyDictionary<string, OperationDefinition> operations)
    {
        ApiVersion = apiVersion;
        Operations = operations;
    }

    /// <summary>The model embedded in Petard.Core.</summary>
    public static OperationModel Default => Embedded.Value;

    /// <summary>The service API version the model describes.</summary>
    public string ApiVersion { get; }

    /// <summary>Every operation, keyed by official name (case-sensitive, as the API reference spells it).</summary>
    public IReadOnlyDictionary<string, OperationDefinition> Operations { get; }

    /// <summary>Finds an operation by name, or throws a <see cref="PetardException"/> that names close matches.</summary>
    /// <param name="name">The official operation name, e.g. <c>GetStages</c>.</param>
    public OperationDefinition Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Operations.TryGetValue(name, out var operation))
        {
            return operation;
        }

        var hint = Operations.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        throw PetardErrors.UnknownOperation(name, hint, Operations.Count);
    }

    /// <summary>Reads a model in Petard's JSON format.</summary>
    /// <param name="json">The model document.</param>
    public static OperationModel Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var operations = new Dictionary<string, OperationDefinition>(StringComparer.Ordinal);
        foreach (var op in root.GetProperty("operations").EnumerateObject())
        {
            var members = new Dictionary<string, MemberDefinition>(StringComparer.Ordinal);
            foreach (var m in op.Value.GetProperty("members").EnumerateObject())
            {
                members[m.Name] = new MemberDefinition(
                    m.Name,
                    ParseLocation(m.Value.TryGetProperty("in", out var loc) ? loc.GetString() : null),
                    m.Value.TryGetProperty("wire", out var wire) ? wire.GetString()! : m.Name,
                    ParseType(m.Value.GetProperty("type").GetString()!),
                    m.Value.TryGetProperty("required", out var req) && req.GetBoolean());
            }

            operations[op.Name] = new OperationDefinition(
                op.Name,
                op.Value.GetProperty("method").GetString()!,
                op.Value.GetProperty("uri").GetString()!,
                op.Value.GetProperty("status").GetInt32(),
                new ReadOnlyDictionary<string, MemberDefinition>(members),
                op.Value.TryGetProperty("output", out var output) && output.GetString() == "blob",
                op.Value.TryGetProperty("paginated", out var paginated) && paginated.GetBoolean());
        }

        return new OperationModel(root.GetProperty("version").GetString()!, new ReadOnlyDictionary<string, OperationDefinition>(operations));
    }

    private static OperationModel LoadEmbedded()
    {
        using var stream = typeof(OperationModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded operation model '{ResourceName}' is missing from Petard.Core.");
        return Parse(stream);
    }

    private static MemberLocation ParseLocation(string? location) => location switch
    {
        null => MemberLocation.Body,
        "uri" => MemberLocation.Uri,
        "querystring" => MemberLocation.QueryString,
        "header" => MemberLocation.Header,
        "payload" => MemberLocation.Payload,
        _ => throw new InvalidDataException($"Unknown member location '{location}' in the operation model."),
    };

    private static MemberType ParseType(string type) => type switch
    {
        "string" => MemberType.String,
        "integer" => MemberType.Integer,
        "long" => MemberType.Long,
        "double" => MemberType.Double,
        "boolean" => MemberType.Boolean,
        "timestamp" => MemberType.Timestamp,
        "list" => MemberType.List,
        "map" => MemberType.Map,
        "structure" => MemberType.Structure,
        "blob" => MemberType.Blob,
        _ => throw new InvalidDataException($"Unknown member type '{type}' in the operation model."),
    };
}
