namespace Petard.Model;

/// <summary>One segment of a URI template's path: a literal (<c>restapis</c>) or a label (<c>{restapi_id}</c>).</summary>
/// <param name="Text">The literal, or the label's wire name without braces (and without a greedy label's <c>+</c>).</param>
/// <param name="IsLabel">Whether the segment is a label that a member fills.</param>
internal readonly record struct UriTemplateSegment(string Text, bool IsLabel)
{
    public static UriTemplateSegment Parse(string segment) =>
        segment.StartsWith('{') && segment.EndsWith('}')
            ? new UriTemplateSegment(segment[1..^1].TrimEnd('+'), IsLabel: true)
            : new UriTemplateSegment(segment, IsLabel: false);
}
