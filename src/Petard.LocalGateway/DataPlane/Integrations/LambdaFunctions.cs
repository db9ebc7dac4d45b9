namespace Petard.Local.DataPlane.Integrations;

/// <summary>
/// The local functions an AWS_PROXY integration may call, by function name or ARN, each served at
/// a URL that speaks the Lambda Runtime Interface Emulator's invoke protocol.
/// </summary>
internal sealed class LambdaFunctions(IReadOnlyDictionary<string, Uri> functions)
{
    private const string FunctionsPath = "/2015-03-31/functions/";

    /// <summary>The function's base URL for an integration URI, or <c>null</c> when none was given.</summary>
    public Uri? Find(string integrationUri)
    {
        var arn = FunctionArn(integrationUri);
        foreach (var candidate in Candidates(arn))
        {
            if (functions.TryGetValue(candidate, out var url))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>The function ARN inside <c>arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations</c>; the URI itself otherwise.</summary>
    public static string FunctionArn(string integrationUri)
    {
        var start = integrationUri.IndexOf(FunctionsPath, StringComparison.Ordinal);
        if (start < 0)
        {
            return integrationUri;
        }

        var arn = integrationUri[(start + FunctionsPath.Length)..];
        var end = arn.LastIndexOf("/invocations", StringComparison.Ordinal);
        return end < 0 ? arn : arn[..end];
    }

    // The ARN as written, then the function name with its qualifier, then the bare name.
    private static IEnumerable<string> Candidates(string arn)
    {
        yield return arn;
        var marker = arn.IndexOf(":function:", StringComparison.Ordinal);
        if (marker < 0)
        {
            yield break;
        }

        var name = arn[(marker + ":function:".Length)..];
        yield return name;
        if (name.Split(':') is [var bare, _])
        {
            yield return bare;
        }
    }
}
