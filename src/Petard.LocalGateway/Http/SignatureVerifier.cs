using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.Local.Http;

/// <summary>
/// Checks a request's SigV4 signature by signing the received request again with AWSSDK.Core and
/// comparing. A client that signed <c>x-amz-content-sha256</c> (the .NET SDK, Petard) is re-signed
/// with the SDK's public <see cref="AWSSigV4Signer"/>, which always signs that header; one that did
/// not (botocore, the AWS CLI) gets the canonical request of exactly its signed headers, signed with
/// the SDK's <see cref="AWS4Signer.ComputeSignature(string, string, string, DateTime, string, string, string)"/>.
/// </summary>
internal sealed class SignatureVerifier(SigningKey key)
{
    private const string ContentSha256 = "x-amz-content-sha256";

    private readonly BasicAWSCredentials credentials = new(key.AccessKeyId, key.SecretAccessKey);

    public void Verify(HttpRequest request, SigV4Authorization authorization, byte[] body)
    {
        if (!string.Equals(authorization.AccessKeyId, key.AccessKeyId, StringComparison.Ordinal))
        {
            throw new GatewayException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new GatewayException(403, "IncompleteSignatureException", "The request needs an X-Amz-Date header of the form yyyyMMddTHHmmssZ.");
        }

        signedAt = DateTime.SpecifyKind(signedAt, DateTimeKind.Utc);
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var expected = authorization.SignedHeaders.Contains(ContentSha256)
            ? SignWithSdkSigner(request, authorization, body, target, signedAt)
            : SignCanonicalRequest(request, authorization, body, target, signedAt);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new GatewayException(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private string SignWithSdkSigner(HttpRequest request, SigV4Authorization authorization, byte[] body, string target, DateTime signedAt)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = new HttpMethod(request.Method),
            RequestUri = new Uri($"{request.Scheme}://{request.Host}{target}"),
            Content = body,
        };
        foreach (var name in authorization.SignedHeaders.Where(h => h != "host"))
        {
            signing.Headers[name] = HeaderValue(request, name);
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(authorization.Region),
            Service = authorization.Service,
            SignedAt = signedAt,
        };
        return SigV4Authorization.Parse(AWSSigV4Signer.Sign(signing, parameters).Headers["Authorization"]).Signature;
    }

    private string SignCanonicalRequest(HttpRequest request, SigV4Authorization authorization, byte[] body, string target, DateTime signedAt)
    {
        var parts = target.Split('?', 2);
        var query = parts.Length < 2
            ? string.Empty
            : string.Join("&", parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(kv => (Key: Encode(Decode(kv[0])), Value: Encode(kv.Length > 1 ? Decode(kv[1]) : string.Empty)))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
                .Select(kv => kv.Key + "=" + kv.Value));
        var headers = string.Concat(authorization.SignedHeaders.Select(h => h + ":" + HeaderValue(request, h) + "\n"));
        var signedHeaders = string.Join(";", authorization.SignedHeaders);
        var canonical = string.Join("\n", request.Method, EncodePath(parts[0]), query, headers, signedHeaders, Convert.ToHexStringLower(SHA256.HashData(body)));
        return AWS4Signer.ComputeSignature(key.AccessKeyId, key.SecretAccessKey, authorization.Region, signedAt, authorization.Service, signedHeaders, canonical).Signature;
    }

    private static string HeaderValue(HttpRequest request, string name) =>
        name == "host"
            ? request.Host.Value ?? string.Empty
            : string.Join(",", request.Headers[name].Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    // SigV4 for services other than S3 encodes the (already encoded) wire path once more, keeping '/'.
    private static string EncodePath(string path) => string.Join("/", path.Split('/').Select(Encode));

    private static string Encode(string text) => Uri.EscapeDataString(text);
}
