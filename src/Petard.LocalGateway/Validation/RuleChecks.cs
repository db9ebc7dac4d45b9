using System.Text.Json.Nodes;
using Petard.Model;

namespace Petard.Local.Validation;

/// <summary>
/// The emulator's side of the shared service rules (<see cref="ServiceRules"/>): the same data the
/// client checks with, answered as the service answers, a BadRequestException with its message.
/// Enum-typed members (cache sizes, put modes, integration types) are checked for every operation
/// by <see cref="EnumChecks"/>.
/// </summary>
internal static class RuleChecks
{
    private static ServiceRules Rules => ServiceRules.Default;

    public static void CheckStageName(string name)
    {
        if (!Rules.StageName.Accepts(name))
        {
            throw BadRequest(ServiceMessages.InvalidStageName, ("allowed", Rules.StageName.Allowed), ("maxLength", Rules.StageName.MaxLength), ("value", name));
        }
    }

    public static void CheckVariables(JsonObject? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            if (value is not JsonValue v || !v.TryGetValue(out string? text))
            {
                throw BadRequest(ServiceMessages.VariableNotString, ("name", name));
            }

            CheckVariable(name, text);
        }
    }

    /// <summary>Checks one variable; a <c>null</c> value (a removal) checks the name only.</summary>
    public static void CheckVariable(string name, string? value)
    {
        if (!Rules.VariableName.Accepts(name))
        {
            throw BadRequest(ServiceMessages.InvalidVariableName, ("name", name), ("allowed", Rules.VariableName.Allowed), ("maxLength", Rules.VariableName.MaxLength));
        }

        if (value is not null && !Rules.VariableValue.Accepts(value))
        {
            throw BadRequest(ServiceMessages.InvalidVariableValue, ("name", name), ("allowed", Rules.VariableValue.Allowed), ("maxLength", Rules.VariableValue.MaxLength));
        }
    }

    public static void CheckPatchOp(string op) =>
        CheckOneOf(op, Rules.PatchOps, ServiceMessages.InvalidPatchOp);

    /// <summary>Reads a method setting's patch value as the service stores it, or refuses it.</summary>
    public static JsonNode MethodSettingValue(MethodSettingRule rule, string path, string? value) =>
        rule.TryParse(value, out var parsed) && parsed is not null
            ? parsed
            : throw BadRequest(ServiceMessages.InvalidMethodSettingValue, ("value", value ?? string.Empty), ("path", path), ("expected", rule.Expected));

    private static void CheckOneOf(string? value, IReadOnlyList<string> allowed, string message)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw BadRequest(message, ("value", value ?? string.Empty), ("values", string.Join(", ", allowed)));
        }
    }

    private static GatewayException BadRequest(string message, params (string Name, object Value)[] arguments) =>
        GatewayException.BadRequest(Rules.Messages.Format(message, arguments));
}
