using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Validation;

/// <summary>
/// The service's model validation of enums, for every operation alike: each member the operation
/// model gives an official enum, and each nested member the customizations' <c>memberEnums</c> name
/// (<c>endpointConfiguration.types</c>, <c>quota.period</c>), is refused with the service's
/// <c>enumValue</c> failure when its value is outside the enum; every failure is collected, so one
/// answer names them all.
/// </summary>
internal static class EnumChecks
{
    /// <summary>Checks every enum-typed member the request carries, adding each failure to <paramref name="failures"/>.</summary>
    public static void Check(OperationInput input, ValidationFailures failures)
    {
        foreach (var member in input.Operation.Members.Values.Where(m => m.EnumName is not null))
        {
            if (input.Members[member.Name] is JsonValue value && value.TryGetValue(out string? text))
            {
                ServiceErrors.CheckEnum(member.EnumName!, ServiceErrors.MemberPath(input.Operation, member.Name), text, failures);
            }
        }

        foreach (var (path, enumName) in ServiceRules.Default.MemberEnums)
        {
            var steps = path.Split('.');
            if (!input.Operation.Members.ContainsKey(steps[0]))
            {
                continue;
            }

            JsonNode? node = input.Members;
            foreach (var step in steps)
            {
                node = (node as JsonObject)?[step];
            }

            var values = node is JsonArray list ? list.ToList() : [node];
            foreach (var item in values)
            {
                if (item is JsonValue v && v.TryGetValue(out string? text))
                {
                    ServiceErrors.CheckEnum(enumName, ServiceErrors.MemberPath(input.Operation, path), text, failures);
                }
            }
        }
    }
}
