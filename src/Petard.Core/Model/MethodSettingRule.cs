using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Model;

/// <summary>
/// One setting of a stage's method settings: the key patch paths end with (<c>throttling/rateLimit</c>),
/// the property GetStage shows it as under <c>methodSettings</c> (<c>throttlingRateLimit</c>), and the
/// values the service takes.
/// </summary>
/// <param name="Key">The patch path's last two segments, e.g. <c>logging/loglevel</c>.</param>
/// <param name="Property">The JSON property under <c>methodSettings.{resourcePath}/{httpMethod}</c>.</param>
/// <param name="Type">Boolean, Integer, Double or String.</param>
/// <param name="Values">The only values a string setting takes, or <c>null</c> for any.</param>
/// <param name="Minimum">The least number a numeric setting takes, if bounded.</param>
/// <param name="Maximum">The greatest number a numeric setting takes, if bounded.</param>
/// <param name="Default">What the service shows before the setting is set, or after it is removed.</param>
internal sealed record MethodSettingRule(
    string Key,
    string Property,
    MemberType Type,
    IReadOnlyList<string>? Values,
    double? Minimum,
    double? Maximum,
    JsonNode Default)
{
    /// <summary>What the setting takes, in words for a message: <c>true or false</c>, <c>OFF, ERROR or INFO</c>, <c>a whole number from 0 to 10</c>.</summary>
    public string Expected => Type switch
    {
        MemberType.Boolean => "true or false",
        MemberType.Integer => "a whole number" + Range(),
        MemberType.Double => "a number" + Range(),
        _ when Values is { Count: > 0 } => OneOf(Values),
        _ => "a string",
    };

    /// <summary>Whether the service takes <paramref name="text"/> (patch values are always text on the wire).</summary>
    public bool Accepts(string? text) => TryParse(text, out _);

    /// <summary>Reads a patch value as the typed JSON value GetStage shows; <c>false</c> when the service refuses it.</summary>
    public bool TryParse(string? text, out JsonNode? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        switch (Type)
        {
            case MemberType.Boolean when bool.TryParse(text, out var flag):
                value = flag;
                return true;
            case MemberType.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) && InRange(whole):
                value = whole;
                return true;
            case MemberType.Double when double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && InRange(number):
                value = number;
                return true;
            case MemberType.String when Values is null || Values.Contains(text, StringComparer.Ordinal):
                value = text;
                return true;
            default:
                return false;
        }
    }

    /// <summary>"a, b or c".</summary>
    internal static string OneOf(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];

    private bool InRange(double number) => (Minimum is not { } min || number >= min) && (Maximum is not { } max || number <= max);

    private string Range() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" from {min} to {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" of at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" of at most {max}"),
        _ => string.Empty,
    };
}
