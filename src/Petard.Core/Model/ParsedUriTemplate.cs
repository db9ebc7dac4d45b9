namespace Petard.Model;

/// <summary>
/// An operation's URI template taken apart once, when the model is read: the path's segments
/// (literals and labels) and the literal query some templates carry (<c>/restapis?mode=import</c>).
/// The client builds request paths from it and the emulator routes requests with it, so the two
/// cannot read a template differently. Equal when their templates are (the parts follow from it).
/// </summary>
internal sealed class ParsedUriTemplate : IEquatable<ParsedUriTemplate>
{
    private ParsedUriTemplate(string template, IReadOnlyList<UriTemplateSegment> segments, IReadOnlyList<KeyValuePair<string, string>> literalQuery)
    {
        Template = template;
        Segments = segments;
        LiteralQuery = literalQuery;
    }

    /// <summary>The template as the model writes it.</summary>
    public string Template { get; }

    /// <summary>The path's segments, in order, without their slashes.</summary>
    public IReadOnlyList<UriTemplateSegment> Segments { get; }

    /// <summary>The query pairs fixed by the template (not members), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LiteralQuery { get; }

    public static ParsedUriTemplate Parse(string template)
    {
        var mark = template.IndexOf('?', StringComparison.Ordinal);
        var path = mark < 0 ? template : template[..mark];
        KeyValuePair<string, string>[] literalQuery = mark < 0
            ? []
            : template[(mark + 1)..]
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => new KeyValuePair<string, string>(kv[0], kv.Length > 1 ? kv[1] : string.Empty))
                .ToArray();
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(UriTemplateSegment.Parse)
            .ToArray();
        return new ParsedUriTemplate(template, segments, literalQuery);
    }

    public bool Equals(ParsedUriTemplate? other) => other is not null && string.Equals(Template, other.Template, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ParsedUriTemplate);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Template);
}
