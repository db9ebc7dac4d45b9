using Petard.Model;

namespace Petard.Workflows;

/// <summary>
/// Reads settings a front end receives as text (MSBuild properties) into the requests' types, with
/// the same coded errors whichever front end wrote them.
/// </summary>
public static class SettingText
{
    /// <summary>A put mode, in any case; blank is the default, <see cref="PutMode.Overwrite"/>.</summary>
    /// <param name="text">The text, e.g. <c>merge</c>.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="PetardException">Not a put mode (PETARD1014, naming <c>PutMode</c>).</exception>
    public static PutMode PutMode(string? text)
    {
        var trimmed = OptionalText.Of(text);
        if (trimmed is null)
        {
            return Workflows.PutMode.Overwrite;
        }

        var modes = ServiceRules.Default.PutModes;
        return modes.Contains(trimmed.ToLowerInvariant()) && Enum.TryParse<PutMode>(trimmed, ignoreCase: true, out var mode)
            ? mode
            : throw PetardErrors.PutModeInvalid(trimmed, modes);
    }

    /// <summary>A switch where blank means "leave as it is".</summary>
    /// <param name="setting">The setting's neutral name, for the error (e.g. <c>TracingEnabled</c>).</param>
    /// <param name="text">The text: <c>true</c>, <c>false</c> or blank.</param>
    /// <returns>The value, or null when blank.</returns>
    /// <exception cref="PetardException">Neither true, false nor blank (PETARD1014, naming the setting).</exception>
    public static bool? Flag(string setting, string? text)
    {
        var trimmed = OptionalText.Of(text);
        if (trimmed is null)
        {
            return null;
        }

        return bool.TryParse(trimmed, out var flag) ? flag : throw PetardErrors.NotAFlag(setting, trimmed);
    }
}
