using Petard.Local.Http;
using Petard.Local.Validation;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>
/// The service's error answers, worded by the message table of the shared service rules
/// (<c>apigateway-customizations.json</c>), so wording lives in data, not in handlers.
/// </summary>
internal static class ServiceErrors
{
    private static ServiceMessages Messages => ServiceRules.Default.Messages;

    /// <summary>The message <paramref name="key"/> of the table, for callers that take a message (<see cref="Stored.Remove"/>).</summary>
    public static string Message(string key, params (string Name, object Value)[] arguments) => Messages.Format(key, arguments);

    public static GatewayException BadRequest(string message, params (string Name, object Value)[] arguments) =>
        GatewayException.BadRequest(Messages.Format(message, arguments));

    public static GatewayException NotFound(string message, params (string Name, object Value)[] arguments) =>
        GatewayException.NotFound(Messages.Format(message, arguments));

    public static GatewayException Conflict(string message, params (string Name, object Value)[] arguments) =>
        GatewayException.Conflict(Messages.Format(message, arguments));

    /// <summary>400 ValidationException: the service's answer to one value its model's constraints refuse (<paramref name="failure"/> words the item).</summary>
    public static GatewayException Validation(string failure, params (string Name, object Value)[] arguments) =>
        new(400, "ValidationException", ValidationFailures.Sentence(failure, arguments));

    /// <summary>The member's value when it is one of its official enum's values (or absent), else the service's enum error.</summary>
    /// <param name="input">The request.</param>
    /// <param name="member">A member the operation model gives an enum.</param>
    public static string? Enum(OperationInput input, string member)
    {
        var value = input.String(member);
        if (value is not null)
        {
            CheckEnum(input.Operation.Members[member].EnumName!, MemberPath(input.Operation, member), value);
        }

        return value;
    }

    /// <summary>
    /// How the service names a member in validation errors: a body member by its place in the
    /// operation's input (<c>createAuthorizerInput.type</c>), a URI or query member by its name.
    /// </summary>
    public static string MemberPath(OperationDefinition operation, string member) =>
        operation.Members.TryGetValue(member.Split('.')[0], out var definition) && definition.Location == MemberLocation.Body
            ? char.ToLowerInvariant(operation.Name[0]) + operation.Name[1..] + "Input." + member
            : member;

    /// <summary>Refuses a value outside the official enum <paramref name="enumName"/>.</summary>
    /// <param name="enumName">The enum of the operation model.</param>
    /// <param name="memberPath">The member as the error names it (<see cref="MemberPath"/>).</param>
    /// <param name="value">The value sent.</param>
    public static void CheckEnum(string enumName, string memberPath, string value)
    {
        var failures = new ValidationFailures();
        CheckEnum(enumName, memberPath, value, failures);
        failures.ThrowIfAny();
    }

    /// <summary>Adds the enum failure of a value outside <paramref name="enumName"/> to <paramref name="failures"/>.</summary>
    /// <param name="enumName">The enum of the operation model.</param>
    /// <param name="memberPath">The member as the error names it (<see cref="MemberPath"/>).</param>
    /// <param name="value">The value sent.</param>
    /// <param name="failures">The request's validation failures.</param>
    public static void CheckEnum(string enumName, string memberPath, string value, ValidationFailures failures)
    {
        var values = OperationModel.Default.EnumValues(enumName);
        if (!values.Contains(value, StringComparer.Ordinal))
        {
            failures.Add("enumValue", ("value", value), ("member", memberPath), ("values", string.Join(", ", values)));
        }
    }
}
