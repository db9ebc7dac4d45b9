namespace Petard.Local.DataPlane.Templates;

/// <summary>
/// Renders a mapping template with <c>$input</c>, <c>$context</c>, <c>$stageVariables</c> and
/// <c>$util</c>; a template the engine cannot run is the service's 500, with its name and line in the log.
/// </summary>
internal static class MappingTemplate
{
    public static string Render(string name, string template, TemplateData data)
    {
        try
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["input"] = new InputVariable(data),
                ["context"] = VelocityValues.FromJson(data.Invocation.Context()),
                ["stageVariables"] = data.Invocation.StageVariables.ToDictionary(v => v.Key, v => (object?)v.Value),
                ["util"] = new UtilVariable(),
            };
            return new VelocityRenderer(variables).Render(VelocityParser.Parse(template));
        }
        catch (TemplateException ex)
        {
            throw GatewayResponseException.ConfigurationError($"Execution failed due to a mapping template error in the {name}, line {ex.Line}: {ex.Message}");
        }
    }
}
