namespace Petard;

/// <summary>
/// An error Petard detected itself: bad input, missing configuration, or a response it could not
/// read. The message names the input and the fix. It never contains credentials.
/// </summary>
/// <remarks>
/// Messages name settings in neutral words (the core's property names, e.g. <c>OpenApiFile</c>); a
/// front end shows them in its own vocabulary with <see cref="Describe"/> (MSBuild:
/// <c>PetardOpenApiFile</c>). Every message is written once, in <c>PetardErrors</c>.
/// </remarks>
public class PetardException : Exception
{
    private readonly FormattableString? template;

    /// <summary>Creates an exception with one of the <see cref="PetardErrorCodes"/>.</summary>
    /// <param name="code">The error code, e.g. <see cref="PetardErrorCodes.RestApiNotFound"/>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public PetardException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>
    /// Creates an exception whose message names settings: each <see cref="Setting"/> argument of the
    /// template is shown by <see cref="Describe"/> in the caller's vocabulary.
    /// </summary>
    /// <param name="code">The error code.</param>
    /// <param name="template">The message, with <see cref="Setting"/> values where settings are named.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    internal PetardException(string code, FormattableString template, Exception? innerException = null)
        : base(SettingNames.Render(template, static name => name), innerException)
    {
        Code = code;
        this.template = template;
    }

    /// <summary>
    /// A coded error for an exception Petard did not expect (a bug), so a front end can report it as
    /// <see cref="PetardErrorCodes.Unexpected"/> instead of a stack trace; the original is the inner exception.
    /// </summary>
    /// <param name="error">The unexpected exception.</param>
    /// <returns>The coded error.</returns>
    public static PetardException FromUnexpected(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error as PetardException ?? PetardErrors.Unexpected(error);
    }

    /// <summary>The error's code, one of <see cref="PetardErrorCodes"/> (<c>PETARD1xxx</c>).</summary>
    public string Code { get; }

    /// <summary>The file the error is in, when it is about a file's content (an OpenAPI file); front ends locate the error there.</summary>
    public string? File { get; init; }

    /// <summary>The line of <see cref="File"/> the error is at (from 1); 0 when not known.</summary>
    public int Line { get; init; }

    /// <summary>The settings the message names, in neutral words (e.g. <c>OpenApiFile</c>, <c>StageName</c>).</summary>
    public IReadOnlyList<string> Settings => template is null ? [] : SettingNames.In(template);

    /// <summary>The message with each setting named as <paramref name="settingName"/> says (a front end's vocabulary).</summary>
    /// <param name="settingName">Maps a neutral setting name (e.g. <c>OpenApiFile</c>) to the name its user writes (e.g. <c>PetardOpenApiFile</c>).</param>
    /// <returns>The message.</returns>
    public string Describe(Func<string, string> settingName)
    {
        ArgumentNullException.ThrowIfNull(settingName);
        return template is null ? Message : SettingNames.Render(template, settingName);
    }
}
