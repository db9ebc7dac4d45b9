using System.Text.RegularExpressions;

namespace Petard.Model;

/// <summary>A service rule for a piece of text (a stage name, a variable name or value): a pattern and a length.</summary>
/// <param name="Pattern">The whole text must match it; it states which characters are allowed and whether empty text is.</param>
/// <param name="MaxLength">The most characters the service takes.</param>
internal sealed record TextRule(Regex Pattern, int MaxLength)
{
    public bool Accepts(string? text) => text is not null && text.Length <= MaxLength && Pattern.IsMatch(text);
}
