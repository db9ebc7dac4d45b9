namespace Petard.Model;

/// <summary>One input member of an operation: its official name and how it is marshalled.</summary>
/// <param name="Name">The member name of the official API reference, e.g. <c>restApiId</c>.</param>
/// <param name="Location">Where the member goes on the wire.</param>
/// <param name="WireName">The name on the wire: URI label, query key, header or JSON property.</param>
/// <param name="Type">The kind of value the member holds.</param>
/// <param name="Required">Whether the operation cannot be sent without it.</param>
public sealed record MemberDefinition(string Name, MemberLocation Location, string WireName, MemberType Type, bool Required)
{
    /// <summary>The official enum the member's values come from (a key of <see cref="OperationModel.Enums"/>), or <c>null</c>.</summary>
    public string? EnumName { get; init; }
}
