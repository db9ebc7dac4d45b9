namespace Cake.Petard;

/// <summary>The body every <c>With...</c> setter shares.</summary>
internal static class FluentSettings
{
    /// <summary>Applies one change and hands the settings back, typed as they came, so a chain keeps its subtype.</summary>
    public static T Set<T>(this T settings, Action<T> change)
    {
        ArgumentNullException.ThrowIfNull(settings);
        change(settings);
        return settings;
    }
}
