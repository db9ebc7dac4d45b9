using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>A service rule for a piece of text (a stage name, a variable name or value): a pattern and a length.</summary>
/// <param name="Pattern">The whole text must match it; it states which characters are allowed and whether empty text is.</param>
/// <param name="MaxLength">The most characters the service takes.</param>
/// <param name="Allowed">The pattern's characters in words, for messages: <c>letters, digits and '_'</c>.</param>
internal sealed record TextRule(Regex Pattern, int MaxLength, string Allowed)
{
    public bool Accepts(string? text) => text is not null && text.Length <= MaxLength && Pattern.IsMatch(text);
}
