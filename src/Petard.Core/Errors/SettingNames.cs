using System.Globalization;

namespace Petard;

/// <summary>Renders a message whose <see cref="Setting"/> arguments each front end names in its own words.</summary>
internal static class SettingNames
{
    /// <summary>The message, each setting named by <paramref name="settingName"/>.</summary>
    public static string Render(FormattableString template, Func<string, string> settingName) =>
        string.Format(
            CultureInfo.InvariantCulture,
            template.Format,
            template.GetArguments().Select(a => a is Setting s ? settingName(s.Name) : a).ToArray());

    /// <summary>The settings a message names, in neutral words.</summary>
    public static IReadOnlyList<string> In(FormattableString template) =>
        template.GetArguments().OfType<Setting>().Select(s => s.Name).Distinct().ToArray();
}
