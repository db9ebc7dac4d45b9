namespace Petard.Local.DataPlane.Templates;

/// <summary>A template the engine cannot run (unsupported construct, syntax error), with the line where it happened.</summary>
internal sealed class TemplateException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
