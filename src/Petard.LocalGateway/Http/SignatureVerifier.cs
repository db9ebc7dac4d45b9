using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Petard.LocalGateway.Http;

/// <summary>
/// Checks a request's SigV4 signature by signing the received request again with AWSSDK.Core's
/// <see cref="AWSSigV4Signer"/> (same method, URI, signed headers, body and time) and comparing.
/// </summary>
internal sealed class SignatureVerifier(SigningKey key)
{
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

        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var signing = new AWSSigningRequest
        {
            HttpMethod = new HttpMethod(request.Method),
            RequestUri = new Uri($"{request.Scheme}://{request.Host}{target}"),
            Content = body,
        };
        foreach (var name in authorization.SignedHeaders.Where(h => h != "host"))
        {
            signing.Headers[name] = string.Join(",", request.Headers[name].Select(v => v?.Trim()));
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(authorization.Region),
            Service = authorization.Service,
            SignedAt = DateTime.SpecifyKind(signedAt, DateTimeKind.Utc),
        };
        var expected = SigV4Authorization.Parse(AWSSigV4Signer.Sign(signing, parameters).Headers["Authorization"]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Signature), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new GatewayException(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }
}
