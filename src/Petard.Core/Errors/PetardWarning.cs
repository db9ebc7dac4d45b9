namespace Petard;

/// <summary>
/// Something the user should look at that does not stop the run, with its <c>PETARD2xxx</c> code.
/// Like <see cref="PetardException"/>, it names settings neutrally; <see cref="Describe"/> renders
/// them in a front end's words.
/// </summary>
public sealed class PetardWarning
{
    private readonly FormattableString template;

    internal PetardWarning(string code, FormattableString template)
    {
        Code = code;
        this.template = template;
    }

    /// <summary>The warning's code, e.g. <see cref="PetardErrorCodes.NoFingerprint"/>.</summary>
    public string Code { get; }

    /// <summary>The file the warning is about (an OpenAPI file), when it is about one; null: the run as a whole.</summary>
    public string? File { get; internal init; }

    /// <summary>The 1-based line in <see cref="File"/>, or 0 when not known.</summary>
    public int Line { get; internal init; }

    /// <summary>The message with settings in neutral words (e.g. <c>OpenApiFile</c>).</summary>
    public string Message => SettingNames.Render(template, static name => name);

    /// <summary>The settings the message names, in neutral words.</summary>
    public IReadOnlyList<string> Settings => SettingNames.In(template);

    /// <summary>The message with each setting named as <paramref name="settingName"/> says.</summary>
    /// <param name="settingName">Maps a neutral setting name to the name its user writes.</param>
    /// <returns>The message.</returns>
    public string Describe(Func<string, string> settingName)
    {
        ArgumentNullException.ThrowIfNull(settingName);
        return SettingNames.Render(template, settingName);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
