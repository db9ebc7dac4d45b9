using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>
/// Verifies a Cognito user pool token as a COGNITO_USER_POOLS authorizer does, against the pool's
/// JWKS given with <c>--cognito-jwks POOL=FILE</c>: an RS256 signature by a key of the file, the
/// pool's issuer (<c>https://cognito-idp.REGION.amazonaws.com/POOL</c>), not expired, and for a
/// method with authorization scopes an access token holding one of them.
/// </summary>
internal sealed class CognitoTokenVerifier(IReadOnlyDictionary<string, IReadOnlyDictionary<string, RSAParameters>> pools, TimeProvider time)
{
    /// <summary>Reads each pool's JWKS file; a missing or unreadable file is an error that names it.</summary>
    public static CognitoTokenVerifier Load(IDictionary<string, string> files, TimeProvider time) =>
        new(files.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, RSAParameters>)ReadKeys(f.Value), StringComparer.Ordinal), time);

    /// <summary>The token's claims; <see cref="GatewayResponseException"/> 401 when it does not pass, 500 when no JWKS serves the authorizer's pools.</summary>
    public JsonObject Verify(JsonObject authorizer, string token, JsonArray? scopes)
    {
        var name = authorizer["name"]?.ToString();
        var candidates = (authorizer["providerARNs"] as JsonArray ?? []).Select(a => a?.ToString() ?? string.Empty)
            .Select(arn => (Arn: arn, Pool: arn[(arn.LastIndexOf('/') + 1)..]))
            .Where(p => pools.ContainsKey(p.Pool) || pools.ContainsKey(p.Arn))
            .ToList();
        if (candidates.Count == 0)
        {
            throw GatewayResponseException.AuthorizerConfigurationError(
                $"Authorizer {name}: no JWKS for its user pools. Start Petard.LocalGateway with --cognito-jwks POOL=FILE (or set LocalGatewayOptions.CognitoJwks).");
        }

        var parts = (token.StartsWith("Bearer ", StringComparison.Ordinal) ? token["Bearer ".Length..] : token).Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not JsonObject header || Decode(parts[1]) is not JsonObject claims)
        {
            throw Unauthorized(name, "the token is not a JWT");
        }

        if (header["alg"]?.ToString() != "RS256")
        {
            throw Unauthorized(name, $"the token's alg is '{header["alg"]}', not RS256");
        }

        var issuer = claims["iss"]?.ToString() ?? string.Empty;
        var pool = candidates.FirstOrDefault(c => issuer.EndsWith("/" + c.Pool, StringComparison.Ordinal) && issuer.StartsWith("https://cognito-idp.", StringComparison.Ordinal));
        if (pool.Pool is null)
        {
            throw Unauthorized(name, $"the issuer '{issuer}' is none of the authorizer's user pools");
        }

        var keys = pools.GetValueOrDefault(pool.Pool) ?? pools[pool.Arn];
        if (!keys.TryGetValue(header["kid"]?.ToString() ?? string.Empty, out var key) || !SignatureMatches(key, parts))
        {
            throw Unauthorized(name, "the signature does not match a key of the pool's JWKS");
        }

        if (claims["exp"] is not JsonValue exp || !exp.TryGetValue(out long expires) || DateTimeOffset.FromUnixTimeSeconds(expires) <= time.GetUtcNow())
        {
            throw Unauthorized(name, "the token has expired");
        }

        if (scopes is { Count: > 0 })
        {
            var granted = claims["token_use"]?.ToString() == "access" ? (claims["scope"]?.ToString() ?? string.Empty).Split(' ') : [];
            if (!scopes.Any(s => granted.Contains(s?.ToString())))
            {
                throw Unauthorized(name, "the method needs an access token with one of its authorization scopes");
            }
        }

        return claims;
    }

    /// <summary>The claims as the service passes them on: every value a string (numbers and lists as their JSON).</summary>
    public static JsonObject AsStrings(JsonObject claims) =>
        new(claims.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)(c.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : c.Value?.ToJsonString()))));

    private static GatewayResponseException Unauthorized(string? name, string why) => GatewayResponseException.Unauthorized($"Authorizer {name}: {why}.");

    private static bool SignatureMatches(RSAParameters key, string[] parts)
    {
        using var rsa = RSA.Create(key);
        return rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]) ?? [], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static JsonNode? Decode(string part)
    {
        try
        {
            return Base64Url(part) is { } bytes ? JsonNode.Parse(bytes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, RSAParameters> ReadKeys(string file)
    {
        var path = Path.GetFullPath(file);
        try
        {
            var keys = JsonNode.Parse(File.ReadAllText(path))?["keys"] as JsonArray
                ?? throw new InvalidDataException($"The JWKS file '{path}' has no 'keys' array. Save the pool's https://cognito-idp.REGION.amazonaws.com/POOL/.well-known/jwks.json.");
            return keys.OfType<JsonObject>()
                .Where(k => k["kty"]?.ToString() == "RSA" && k["kid"] is not null && k["n"] is not null && k["e"] is not null)
                .ToDictionary(
                    k => k["kid"]!.ToString(),
                    k => new RSAParameters { Modulus = Base64Url(k["n"]!.ToString()), Exponent = Base64Url(k["e"]!.ToString()) },
                    StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidDataException($"The JWKS file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
