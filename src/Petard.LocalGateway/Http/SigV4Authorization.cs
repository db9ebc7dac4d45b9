namespace Petard.Local.Http;

/// <summary>The parts of a SigV4 <c>Authorization</c> header.</summary>
/// <param name="AccessKeyId">The access key id of the credential scope.</param>
/// <param name="Date">The scope date (yyyyMMdd).</param>
/// <param name="Region">The scope region.</param>
/// <param name="Service">The scope service.</param>
/// <param name="SignedHeaders">The signed header names, lowercase.</param>
/// <param name="Signature">The hex signature.</param>
internal sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Reads the request's one header, or answers like the service: 403 for a missing, repeated or incomplete one.</summary>
    public static SigV4Authorization Parse(Microsoft.Extensions.Primitives.StringValues headers) =>
        headers.Count > 1
            ? throw Incomplete("The request has more than one Authorization header; send exactly one.")
            : Parse(headers.ToString());

    /// <summary>Reads the header, or answers like the service: 403 for a missing or incomplete one.</summary>
    public static SigV4Authorization Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new GatewayException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw Incomplete($"Authorization header requires the {Algorithm} algorithm.");
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0)
            {
                throw Incomplete($"Authorization header parameter '{part}' is not of the form Name=Value.");
            }

            // A repeated name is ambiguous: the service refuses it rather than picking one.
            if (!parts.TryAdd(pair[0], pair[1]))
            {
                throw Incomplete($"Authorization header has the parameter '{pair[0]}' more than once.");
            }
        }

        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            throw Incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            throw Incomplete("Authorization header requires a credential scope of the form KEY/DATE/REGION/SERVICE/aws4_request.");
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
    }

    private static GatewayException Incomplete(string message) => new(403, "IncompleteSignatureException", message);
}
