using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>A service rule that a value must match a pattern, and the key of the message that refuses it.</summary>
/// <param name="Pattern">The pattern the whole value must match.</param>
/// <param name="Message">A key of the service's message table.</param>
internal sealed record PatternRule(Regex Pattern, string Message)
{
    public bool Accepts(string? value) => value is not null && Pattern.IsMatch(value);
}
