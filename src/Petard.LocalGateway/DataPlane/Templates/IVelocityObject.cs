namespace Petard.Local.DataPlane.Templates;

/// <summary>A variable with methods of its own (<c>$input</c>, <c>$util</c>).</summary>
internal interface IVelocityObject
{
    object? Property(string name);

    /// <summary>Runs a method; an unknown one is a <see cref="TemplateException"/> on <paramref name="line"/>.</summary>
    object? Call(string method, IReadOnlyList<object?> arguments, int line);
}
