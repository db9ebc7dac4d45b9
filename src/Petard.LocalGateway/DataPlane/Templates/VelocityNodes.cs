namespace Petard.Local.DataPlane.Templates;

// The syntax tree of a mapping template: statements (text, output, #set, #if, #foreach) and expressions.
internal abstract record VelocityNode(int Line);

internal sealed record TextNode(string Text, int Line) : VelocityNode(Line);

internal sealed record OutputNode(ReferenceExpr Reference) : VelocityNode(Reference.Line);

internal sealed record SetNode(ReferenceExpr Target, VelocityExpr Value, int Line) : VelocityNode(Line);

internal sealed record IfNode(IReadOnlyList<(VelocityExpr Condition, IReadOnlyList<VelocityNode> Body)> Branches, IReadOnlyList<VelocityNode>? Else, int Line) : VelocityNode(Line);

internal sealed record ForeachNode(string Variable, VelocityExpr Items, IReadOnlyList<VelocityNode> Body, int Line) : VelocityNode(Line);

internal abstract record VelocityExpr(int Line);

internal sealed record LiteralExpr(object? Value, int Line) : VelocityExpr(Line);

internal sealed record InterpolatedExpr(IReadOnlyList<VelocityNode> Parts, int Line) : VelocityExpr(Line);

internal sealed record ListExpr(IReadOnlyList<VelocityExpr> Items, int Line) : VelocityExpr(Line);

internal sealed record RangeExpr(VelocityExpr From, VelocityExpr To, int Line) : VelocityExpr(Line);

internal sealed record MapExpr(IReadOnlyList<(VelocityExpr Key, VelocityExpr Value)> Entries, int Line) : VelocityExpr(Line);

internal sealed record UnaryExpr(string Operator, VelocityExpr Operand, int Line) : VelocityExpr(Line);

internal sealed record BinaryExpr(string Operator, VelocityExpr Left, VelocityExpr Right, int Line) : VelocityExpr(Line);

/// <summary><c>$name.property.method(args)[index]</c>; <see cref="Source"/> is rendered when the value is null and the reference not silent.</summary>
internal sealed record ReferenceExpr(string Root, IReadOnlyList<Accessor> Chain, bool Silent, string Source, int Line) : VelocityExpr(Line);

internal abstract record Accessor;

internal sealed record PropertyAccessor(string Name) : Accessor;

internal sealed record MethodAccessor(string Name, IReadOnlyList<VelocityExpr> Arguments) : Accessor;

internal sealed record IndexAccessor(VelocityExpr Index) : Accessor;
