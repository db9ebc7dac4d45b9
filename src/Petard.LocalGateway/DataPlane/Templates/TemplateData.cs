namespace Petard.Local.DataPlane.Templates;

/// <summary>What a mapping template reads: the request (parameters, <c>$context</c>, stage variables) and the body <c>$input</c> stands for.</summary>
/// <param name="Invocation">The request being served.</param>
/// <param name="Body">The method request body (request templates) or the integration response body (response templates).</param>
/// <param name="ContentType">The body's media type.</param>
internal sealed record TemplateData(Invocation Invocation, byte[] Body, string ContentType);
