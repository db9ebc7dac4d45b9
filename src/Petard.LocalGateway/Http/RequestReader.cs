using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Model;

namespace Petard.Local.Http;

/// <summary>
/// Reads a routed request into an <see cref="OperationInput"/>: every member from where the model
/// puts it, converted to its declared type. Bad input (malformed JSON, a wrong content type, a
/// body over the limit, a value of the wrong type) is a 4xx <see cref="GatewayException"/>.
/// </summary>
internal static class RequestReader
{
    /// <summary>The service's limit for an API definition (PutRestApi, ImportRestApi): 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>JSON requests are small; the same ceiling keeps a runaway client from filling memory.</summary>
    public const int MaxJsonBodyBytes = MaxPayloadBytes;

    /// <summary>Reads the raw body, refusing one over the operation's limit.</summary>
    public static Task<byte[]> ReadBodyAsync(HttpRequest request, OperationDefinition operation, CancellationToken cancellationToken) =>
        ReadBodyAsync(request, operation.Name, operation.MembersIn(MemberLocation.Payload).Any() ? MaxPayloadBytes : MaxJsonBodyBytes, cancellationToken);

    public static OperationInput Read(HttpRequest request, RouteMatch route, byte[] body)
    {
        var operation = route.Operation;
        var members = new JsonObject();
        foreach (var member in operation.Members.Values)
        {
            switch (member.Location)
            {
                case MemberLocation.Uri when route.Labels.TryGetValue(member.WireName, out var label):
                    members[member.Name] = label;
                    break;
                case MemberLocation.QueryString:
                    ReadQueryMember(request, route, member, members, operation);
                    break;
                case MemberLocation.Header when request.Headers.TryGetValue(member.WireName, out var header):
                    members[member.Name] = header.ToString();
                    break;
                default:
                    break;
            }
        }

        byte[]? payload = null;
        if (operation.MembersIn(MemberLocation.Payload).Any())
        {
            payload = body;
        }
        else if (body.Length > 0)
        {
            ReadJsonBody(request, operation, body, members);
        }

        // The service's model validation reports every failing member of a request at once.
        var failures = new Validation.ValidationFailures();
        foreach (var member in operation.Members.Values.Where(m => m.Required && m.Location != MemberLocation.Payload))
        {
            if (members[member.Name] is null)
            {
                failures.AddMissing(member.Name);
            }
        }

        var input = new OperationInput(operation, members, payload);
        Validation.EnumChecks.Check(input, failures);
        failures.ThrowIfAny();
        return input;
    }

    private static void ReadQueryMember(HttpRequest request, RouteMatch route, MemberDefinition member, JsonObject members, OperationDefinition operation)
    {
        if (member.Type == MemberType.Map)
        {
            // A flattened map takes every query key that no other member and no literal of the template claims.
            var claimed = operation.MembersIn(MemberLocation.QueryString).Where(m => m.Type != MemberType.Map).Select(m => m.WireName).ToHashSet(StringComparer.Ordinal);
            var map = new JsonObject();
            foreach (var (key, value) in request.Query)
            {
                if (!claimed.Contains(key) && !route.LiteralQueryKeys.Contains(key))
                {
                    map[key] = value.ToString();
                }
            }

            if (map.Count > 0)
            {
                members[member.Name] = map;
            }

            return;
        }

        if (!request.Query.TryGetValue(member.WireName, out var values))
        {
            return;
        }

        if (member.Type == MemberType.List)
        {
            members[member.Name] = new JsonArray(values.SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            return;
        }

        members[member.Name] = ConvertText(values.ToString(), member, operation);
    }

    private static JsonNode? ConvertText(string text, MemberDefinition member, OperationDefinition operation) => member.Type switch
    {
        MemberType.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        MemberType.Long when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        MemberType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        MemberType.Boolean when bool.TryParse(text, out var b) => b,
        MemberType.Integer or MemberType.Long or MemberType.Double or MemberType.Boolean =>
            throw GatewayException.BadRequest($"{operation.Name}: the query parameter '{member.WireName}' has the value '{text}', which is not a valid {member.Type.ToString().ToLowerInvariant()}."),
        _ => text,
    };

    /// <summary>Reads the raw body, refusing one over <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, string operation, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(operation, request.ContentLength.Value, limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(operation, buffer.Length + read, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static GatewayException TooLarge(string operation, long size, int limit) =>
        new(413, "RequestEntityTooLargeException", $"{operation}: the request body is {size.ToString(CultureInfo.InvariantCulture)} bytes or more, over the limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes (6 MB). Split the API definition or shrink it.");

    private static void ReadJsonBody(HttpRequest request, OperationDefinition operation, byte[] body, JsonObject members)
    {
        if (!IsJsonContentType(request.ContentType))
        {
            throw GatewayException.BadRequest($"{operation.Name}: the Content-Type '{request.ContentType}' is not supported; send the request body as application/json.");
        }

        var parsed = StrictJson.Parse(body, $"{operation.Name}: the request body");

        if (parsed is not JsonObject json)
        {
            throw GatewayException.BadRequest($"{operation.Name}: the request body must be a JSON object.");
        }

        foreach (var member in operation.MembersIn(MemberLocation.Body))
        {
            if (json[member.WireName] is { } value)
            {
                CheckType(value, member, operation);
                members[member.Name] = value.DeepClone();
            }
        }
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true; // botocore and curl users may send none; the body still has to parse as JSON
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("application/x-amz-json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckType(JsonNode value, MemberDefinition member, OperationDefinition operation)
    {
        var kind = value.GetValueKind();
        var ok = member.Type switch
        {
            MemberType.String => kind == JsonValueKind.String,
            MemberType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            MemberType.Integer or MemberType.Long or MemberType.Double or MemberType.Timestamp => kind == JsonValueKind.Number,
            MemberType.List => kind == JsonValueKind.Array,
            MemberType.Map or MemberType.Structure => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!ok)
        {
            throw GatewayException.BadRequest($"{operation.Name}: the member '{member.WireName}' must be a {member.Type.ToString().ToLowerInvariant()}, not a JSON {kind.ToString().ToLowerInvariant()}.");
        }
    }
}
