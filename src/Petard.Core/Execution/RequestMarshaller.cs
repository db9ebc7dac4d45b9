using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Turns an operation and the caller's parameters into a <see cref="MarshalledRequest"/>, in two
/// steps: <see cref="RequestValidator"/> checks the members, then each is placed where the model
/// says — a URI label, the query string, a header, the JSON body or the raw payload. Every input
/// error is thrown here, before anything is sent.
/// </summary>
internal static class RequestMarshaller
{
    private const string JsonMediaType = "application/json";

    public static MarshalledRequest Marshal(OperationDefinition operation, object? parameters, ParameterReflection? reflection) =>
        Place(operation, RequestValidator.Validate(operation, parameters, reflection), reflection);

    private static MarshalledRequest Place(OperationDefinition operation, Dictionary<string, object?> values, ParameterReflection? reflection)
    {
        List<KeyValuePair<string, string>>? query = null;
        var headers = new List<KeyValuePair<string, string>>();
        JsonObject? body = null;
        byte[]? payload = null;

        foreach (var (name, value) in values)
        {
            var member = operation.Members[name];
            if (value is null || member.Location == MemberLocation.Uri)
            {
                continue; // labels are filled in path order, below
            }

            switch (member.Location)
            {
                case MemberLocation.QueryString:
                    PlaceInQuery(query ??= [], value, member, operation.Name, reflection);
                    break;
                case MemberLocation.Header:
                    headers.Add(new(member.WireName, WireValues.ToText(value, member, operation.Name)));
                    break;
                case MemberLocation.Payload:
                    payload = WireValues.ToBytes(value, member, operation.Name);
                    break;
                default:
                    (body ??= [])[member.WireName] = WireValues.ToJson(value, member, operation.Name, reflection);
                    break;
            }
        }

        // The service answers HAL unless asked for JSON; a header member (GetExport's accepts) wins.
        if (!headers.Exists(h => string.Equals(h.Key, "Accept", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Accept", JsonMediaType));
        }

        var content = payload ?? JsonBody(operation, body);
        return new MarshalledRequest(operation.Name, new HttpMethod(operation.Method), PathAndQuery(operation, values, query), headers, content, content is null ? null : JsonMediaType);
    }

    private static void PlaceInQuery(List<KeyValuePair<string, string>> query, object value, MemberDefinition member, string operation, ParameterReflection? reflection)
    {
        switch (member.Type)
        {
            case MemberType.List:
                foreach (var item in WireValues.ToTextList(value, member, operation))
                {
                    query.Add(new(member.WireName, item));
                }

                break;
            case MemberType.Map:
                query.AddRange(WireValues.ToTextMap(value, member, operation, reflection));
                break;
            default:
                query.Add(new(member.WireName, WireValues.ToText(value, member, operation)));
                break;
        }
    }

    /// <summary>Like the official SDKs: an operation with body members always sends a JSON object, even an empty one.</summary>
    private static byte[]? JsonBody(OperationDefinition operation, JsonObject? body) =>
        body is not null || operation.MembersIn(MemberLocation.Body).Any()
            ? Encoding.UTF8.GetBytes((body ?? []).ToJsonString())
            : null;

    /// <summary>The path with its labels filled and percent-encoded, then the template's literal query and the members' query.</summary>
    private static string PathAndQuery(OperationDefinition operation, Dictionary<string, object?> values, List<KeyValuePair<string, string>>? query)
    {
        var template = operation.ParsedUri;
        var text = new DefaultInterpolatedStringHandler(0, 0);
        foreach (var segment in template.Segments)
        {
            text.AppendLiteral("/");
            text.AppendLiteral(segment.IsLabel ? Label(operation, segment.Text, values) : segment.Text);
        }

        var first = true;
        AppendQuery(ref text, template.LiteralQuery, ref first);
        AppendQuery(ref text, query ?? [], ref first);
        return text.ToStringAndClear();
    }

    private static void AppendQuery(ref DefaultInterpolatedStringHandler text, IReadOnlyList<KeyValuePair<string, string>> pairs, ref bool first)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            text.AppendLiteral(first ? "?" : "&");
            text.AppendLiteral(Uri.EscapeDataString(pairs[i].Key));
            text.AppendLiteral("=");
            text.AppendLiteral(Uri.EscapeDataString(pairs[i].Value));
            first = false;
        }
    }

    private static string Label(OperationDefinition operation, string wireName, Dictionary<string, object?> values)
    {
        foreach (var (name, value) in values)
        {
            var member = operation.Members[name];
            if (value is null || member.Location != MemberLocation.Uri || member.WireName != wireName)
            {
                continue;
            }

            var label = WireValues.ToText(value, member, operation.Name);
            return label.Length > 0 ? Uri.EscapeDataString(label) : throw PetardErrors.EmptyUriLabel(operation, member);
        }

        // No member fills it: the template's label goes out as written, as it always has.
        return "{" + wireName + "}";
    }
}
