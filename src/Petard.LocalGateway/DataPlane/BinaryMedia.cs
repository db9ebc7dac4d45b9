using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>Whether a content type is one of the API's binary media types (<c>image/png</c>, <c>image/*</c>, <c>*/*</c>).</summary>
internal static class BinaryMedia
{
    public static bool IsBinary(Invocation invocation, string? contentType)
    {
        var mediaType = Steps.IntegrationRequestStep.MediaType(contentType);
        if (mediaType is null)
        {
            return false;
        }

        foreach (var node in invocation.BinaryMediaTypes)
        {
            var pattern = node.Replace("~1", "/", StringComparison.Ordinal);
            if (pattern == "*/*" || string.Equals(pattern, mediaType, StringComparison.OrdinalIgnoreCase)
                || (pattern.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
