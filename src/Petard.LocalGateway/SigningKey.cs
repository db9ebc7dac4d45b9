namespace Petard.Local;

/// <summary>An access key id and its secret, the pair signatures are verified with.</summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret access key (never printed).</param>
public sealed record SigningKey(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>Parses <c>KEY:SECRET</c>.</summary>
    /// <param name="text">The pair.</param>
    /// <exception cref="FormatException">The text is not <c>KEY:SECRET</c>.</exception>
    public static SigningKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException("The signing key must be written KEY:SECRET (an access key id, a colon, its secret).");
        }

        return new SigningKey(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The access key id only: the secret never reaches a log.</summary>
    public override string ToString() => $"{AccessKeyId}:***";
}
