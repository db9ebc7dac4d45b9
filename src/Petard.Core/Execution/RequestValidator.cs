using System.Text.Json;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// The first step of marshalling: reads the caller's parameters and checks them against the
/// operation's members (known names, required ones present) before anything is placed or sent.
/// </summary>
internal static class RequestValidator
{
    /// <summary>The given members by official name, in the caller's order; a JSON null is kept as "not given".</summary>
    public static Dictionary<string, object?> Validate(OperationDefinition operation, object? parameters, ParameterReflection? reflection)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in ParameterReader.Read(parameters, operation.Name, reflection))
        {
            if (!operation.Members.ContainsKey(name))
            {
                throw PetardErrors.UnknownMember(operation, name);
            }

            // A JSON null means "not given", exactly like a C# null.
            values[name] = value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : value;
        }

        foreach (var member in operation.Members.Values)
        {
            if (member.Required && values.GetValueOrDefault(member.Name) is null)
            {
                throw PetardErrors.MissingMember(operation, member);
            }
        }

        return values;
    }
}
