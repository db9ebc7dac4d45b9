using System.Text.Json.Nodes;
using Petard.Workflows;
using Petard.Model;

namespace Petard.CodeFirst;

/// <summary>
/// Gives each operation of a definition its <c>x-amazon-apigateway-integration</c> by convention: the
/// per-operation settings first, else the type and URI for all. Operations that carry one keep it.
/// Operations left without one are an error when <c>requireAll</c>, before any call.
/// </summary>
internal sealed class IntegrationOverlay
{
    public const string Extension = "x-amazon-apigateway-integration";

    private const string AnyMethod = "x-amazon-apigateway-any-method";

    // The methods API Gateway imports, as the definition writes them; anything else (trace) it ignores with a warning.
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", AnyMethod];

    private readonly ImportSpec spec;
    private readonly string file;
    private readonly string region;
    private readonly IPetardLog log;

    public IntegrationOverlay(ImportSpec spec, string file, string region, IPetardLog log)
    {
        this.spec = spec;
        this.file = file;
        this.region = region;
        this.log = log;
    }

    /// <summary>Adds the integrations; returns how many operations got one.</summary>
    /// <param name="root">The definition (OpenAPI 2 or 3).</param>
    /// <param name="requireAll">Whether an operation left without an integration is an error (the definition replaces the API and is deployed).</param>
    public int Apply(JsonObject root, bool requireAll)
    {
        MakeGreedy(root);
        var operations = Operations(root).ToList();
        var overrides = Overrides(operations.Select(o => o.Key).ToList());
        var defaultType = NormalizedType(spec.IntegrationType, "");
        if (defaultType is not null)
        {
            IntegrationTarget.Validate(defaultType, spec.IntegrationUri, "");
        }

        var added = 0;
        var missing = new List<string>();
        foreach (var (key, path, method, operation, pathItem) in operations)
        {
            var given = overrides.GetValueOrDefault(key);
            if (operation.ContainsKey(Extension))
            {
                log.Detail(given is null ? $"{key} keeps its own integration." : $"{key} keeps the integration its definition gives it; the setting for it is not used.");
                continue;
            }

            var type = given?.Type is { } ownType ? NormalizedType(ownType, key) : defaultType;
            if (type is null)
            {
                missing.Add(key);
                continue;
            }

            var uri = given?.Uri ?? spec.IntegrationUri;
            IntegrationTarget.Validate(type, uri, key);
            operation[Extension] = IntegrationTarget.Build(type, uri, method == AnyMethod ? "ANY" : method.ToUpperInvariant(), path, region);
            if (type == IntegrationTarget.HttpProxy)
            {
                DeclarePathParameters(root, path, operation, pathItem);
            }

            added++;
        }

        if (missing.Count > 0 && requireAll)
        {
            throw PetardErrors.NoIntegration(file, missing);
        }

        return added;
    }

    private static IEnumerable<(string Key, string Path, string Method, JsonObject Operation, JsonObject PathItem)> Operations(JsonObject root)
    {
        if (root["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    yield return (Key(method, path), path, method, operation, pathItem);
                }
            }
        }
    }

    /// <summary>
    /// ASP.NET Core writes a catch-all route (<c>{**path}</c>) as a plain parameter (<c>{path}</c>), and nothing
    /// in the document tells them apart, so a setting names it greedy: an operation setting for
    /// <c>GET /files/{path+}</c> turns the document's <c>/files/{path}</c> into API Gateway's greedy
    /// <c>/files/{path+}</c> (the whole path: one resource carries all its methods).
    /// </summary>
    private void MakeGreedy(JsonObject root)
    {
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        var greedy = spec.Integrations
            .Select(i => (i.Operation ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[1].Contains("+}", StringComparison.Ordinal))
            .Select(parts => parts[1])
            .Distinct(StringComparer.Ordinal)
            .Where(path => !paths.ContainsKey(path) && paths.ContainsKey(IntegrationTarget.WithoutGreedy(path)))
            .ToDictionary(IntegrationTarget.WithoutGreedy, path => path, StringComparer.Ordinal);
        if (greedy.Count == 0)
        {
            return;
        }

        // Rebuilt in order, so the document reads as the app wrote it.
        var entries = paths.ToList();
        paths.Clear();
        foreach (var (path, item) in entries)
        {
            paths[greedy.GetValueOrDefault(path, path)] = item;
        }
    }

    private static string Key(string method, string path) => $"{(method == AnyMethod ? "ANY" : method.ToUpperInvariant())} {path}";

    /// <summary>The per-operation settings by operation; one that names no operation of the definition is an error (a typo would otherwise go unnoticed).</summary>
    private Dictionary<string, OperationIntegration> Overrides(IReadOnlyList<string> operations)
    {
        var known = operations.ToDictionary(o => o, StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, OperationIntegration>(StringComparer.Ordinal);
        foreach (var integration in spec.Integrations)
        {
            var parts = (integration.Operation ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[1].StartsWith('/'))
            {
                throw PetardErrors.IntegrationOperationInvalid(integration.Operation ?? "");
            }

            var key = $"{parts[0].ToUpperInvariant()} {parts[1]}";
            overrides[known.GetValueOrDefault(key) ?? throw PetardErrors.IntegrationOperationUnknown(integration.Operation!, file, operations)] = integration;
        }

        return overrides;
    }

    private static string? NormalizedType(string? type, string operation) =>
        string.IsNullOrWhiteSpace(type) ? null : IntegrationTarget.Normalize(type) ?? throw PetardErrors.UnknownIntegrationType(type, operation);

    /// <summary>
    /// The request parameters map <c>method.request.path.x</c>, which API Gateway accepts only for a
    /// declared path parameter: one the definition leaves undeclared is declared, as a required string.
    /// </summary>
    private static void DeclarePathParameters(JsonObject root, string path, JsonObject operation, JsonObject pathItem)
    {
        var swagger2 = root.ContainsKey("swagger");
        var declared = Declared(root, operation).Concat(Declared(root, pathItem)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in IntegrationTarget.PathParameters(path).Where(n => !declared.Contains(n)))
        {
            var parameters = operation["parameters"] as JsonArray ?? [];
            operation["parameters"] = parameters;
            var parameter = new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true };
            if (swagger2)
            {
                parameter["type"] = "string";
            }
            else
            {
                parameter["schema"] = new JsonObject { ["type"] = "string" };
            }

            parameters.Add((JsonNode)parameter); // the JsonNode overload: Add<T> would take the reflection path
        }

        // A parameter may be declared through $ref (components/parameters, or parameters in 2.0): read what it points at, or it would be declared twice.
        static IEnumerable<string> Declared(JsonObject root, JsonObject owner) =>
            (owner["parameters"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(p => Resolved(root, p))
                .Where(p => p?["in"]?.ToString() == "path" && p["name"] is JsonValue)
                .Select(p => p!["name"]!.ToString());
    }

    /// <summary>The object a local <c>$ref</c> (<c>#/components/parameters/id</c>) points at, following a short chain; the object itself when it is no reference; null when the reference leads nowhere.</summary>
    private static JsonObject? Resolved(JsonObject root, JsonObject node)
    {
        const int MaxChain = 8; // a reference loop ends here instead of spinning
        for (var hop = 0; hop < MaxChain && node["$ref"] is JsonValue reference; hop++)
        {
            var pointer = reference.ToString();
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                return null; // another document: not ours to read
            }

            JsonNode? target = root;
            foreach (var segment in pointer[2..].Split('/'))
            {
                target = (target as JsonObject)?[JsonPointer.Unescape(segment)];
            }

            if (target is not JsonObject found)
            {
                return null;
            }

            node = found;
        }

        return node["$ref"] is null ? node : null;
    }
}
