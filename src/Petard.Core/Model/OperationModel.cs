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

    private OperationModel(string apiVersion, IReadOnlyDictionary<string, OperationDefinition> operations, IReadOnlyDictionary<string, IReadOnlyList<string>> enums)
    {
        ApiVersion = apiVersion;
        Operations = operations;
        Enums = enums;
    }

    /// <summary>The model embedded in Petard.Core.</summary>
    public static OperationModel Default => Embedded.Value;

    /// <summary>The service API version the model describes.</summary>
    public string ApiVersion { get; }

    /// <summary>Every operation, keyed by official name (case-sensitive, as the API reference spells it).</summary>
    public IReadOnlyDictionary<string, OperationDefinition> Operations { get; }

    /// <summary>The official enums (<c>CacheClusterSize</c>, <c>PutMode</c>, <c>IntegrationType</c>, ...): each one's values, in the model's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Enums { get; }

    /// <summary>The values of one official enum.</summary>
    /// <param name="name">The enum's official name, e.g. <c>CacheClusterSize</c>.</param>
    /// <exception cref="InvalidDataException">The model has no such enum.</exception>
    public IReadOnlyList<string> EnumValues(string name) =>
        Enums.TryGetValue(name, out var values) ? values : throw new InvalidDataException($"The operation model has no enum '{name}'.");

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
                    m.Value.TryGetProperty("required", out var req) && req.GetBoolean())
                {
                    EnumName = m.Value.TryGetProperty("enum", out var enumName) ? enumName.GetString() : null,
                };
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

        var enums = root.TryGetProperty("enums", out var declared)
            ? declared.EnumerateObject().ToDictionary(e => e.Name, e => (IReadOnlyList<string>)e.Value.EnumerateArray().Select(v => v.GetString()!).ToList().AsReadOnly(), StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        return new OperationModel(root.GetProperty("version").GetString()!, new ReadOnlyDictionary<string, OperationDefinition>(operations), new ReadOnlyDictionary<string, IReadOnlyList<string>>(enums));
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
