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

        var parts = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
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
