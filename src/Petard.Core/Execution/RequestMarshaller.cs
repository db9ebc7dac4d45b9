using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Turns an operation and the caller's parameters into a <see cref="MarshalledRequest"/>, following
/// the model: each member goes to the URI, query string, a header, the JSON body or the raw payload.
/// Every input error is thrown here, before anything is sent.
/// </summary>
internal static class RequestMarshaller
{
    private const string JsonMediaType = "application/json";

    public static MarshalledRequest Marshal(OperationDefinition operation, object? parameters)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in ParameterReader.Read(parameters, operation.Name))
        {
            if (!operation.Members.ContainsKey(name))
            {
                throw new PetardException(PetardErrorCodes.InvalidInput, UnknownMemberMessage(operation, name));
            }

            // A JSON null means "not given", exactly like a C# null.
            values[name] = value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : value;
        }

        foreach (var member in operation.Members.Values.Where(m => m.Required))
        {
            if (!values.TryGetValue(member.Name, out var value) || value is null)
            {
                throw new PetardException(PetardErrorCodes.InvalidInput, $"{operation.Name}: the required member '{member.Name}' is missing. Pass it in the parameters, e.g. new {{ {member.Name} = ... }}.");
            }
        }

        var (path, literalQuery) = SplitTemplate(operation.UriTemplate);
        var query = new List<KeyValuePair<string, string>>(literalQuery);
        var headers = new List<KeyValuePair<string, string>>();
        var body = new JsonObject();
        byte[]? payload = null;

        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            var member = operation.Members[name];
            switch (member.Location)
            {
                case MemberLocation.Uri:
                    var label = WireValues.ToText(value, member, operation.Name);
                    if (label.Length == 0)
                    {
                        throw new PetardException(PetardErrorCodes.InvalidInput, $"{operation.Name}: the member '{member.Name}' is empty; it is part of the request path and needs a value.");
                    }

                    path = path.Replace("{" + member.WireName + "}", Uri.EscapeDataString(label), StringComparison.Ordinal);
                    break;
                case MemberLocation.QueryString when member.Type == MemberType.List:
                    query.AddRange(WireValues.ToTextList(value, member, operation.Name).Select(v => new KeyValuePair<string, string>(member.WireName, v)));
                    break;
                case MemberLocation.QueryString when member.Type == MemberType.Map:
                    query.AddRange(WireValues.ToTextMap(value, member, operation.Name));
                    break;
                case MemberLocation.QueryString:
                    query.Add(new(member.WireName, WireValues.ToText(value, member, operation.Name)));
                    break;
                case MemberLocation.Header:
                    headers.Add(new(member.WireName, WireValues.ToText(value, member, operation.Name)));
                    break;
                case MemberLocation.Payload:
                    payload = WireValues.ToBytes(value, member, operation.Name);
                    break;
                default:
                    body[member.WireName] = WireValues.ToJson(value, member, operation.Name);
                    break;
            }
        }

        // The service answers HAL unless asked for JSON; a header member (GetExport's accepts) wins.
        if (!headers.Exists(h => string.Equals(h.Key, "Accept", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Accept", JsonMediaType));
        }

        var method = new HttpMethod(operation.Method);
        byte[]? content = payload;
        // Like the official SDKs: an operation with body members always sends a JSON object, even an empty one.
        if (content is null && (body.Count > 0 || operation.MembersIn(MemberLocation.Body).Any()))
        {
            content = Encoding.UTF8.GetBytes(body.ToJsonString());
        }

        return new MarshalledRequest(operation.Name, method, path + QueryString(query), headers, content, content is null ? null : JsonMediaType);
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) SplitTemplate(string template)
    {
        var mark = template.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return (template, []);
        }

        var literal = template[(mark + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(kv[0], kv.Length > 1 ? kv[1] : string.Empty))
            .ToList();
        return (template[..mark], literal);
    }

    private static string QueryString(List<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return string.Empty;
        }

        return "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
    }

    private static string UnknownMemberMessage(OperationDefinition operation, string name)
    {
        var hint = operation.Members.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        var known = operation.Members.Count == 0 ? "it takes no parameters" : "its members are " + string.Join(", ", operation.Members.Keys);
        return hint is not null
            ? $"{operation.Name}: unknown member '{name}'. Did you mean '{hint}'? Member names are case-sensitive."
            : $"{operation.Name}: unknown member '{name}'; {known}.";
    }
}
