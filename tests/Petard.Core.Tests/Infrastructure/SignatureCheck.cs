using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Xunit;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>
/// Checks a recorded request's SigV4 signature by signing the same request again with AWSSDK.Core's
/// public <see cref="AWSSigV4Signer"/> at the same instant, and reads its credential scope.
/// </summary>
public static class SignatureCheck
{
    private static readonly string[] AddedBySigner = ["authorization", "host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"];

    public sealed record Scope(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders);

    public static Scope Read(RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith("AWS4-HMAC-SHA256 ", authorization, StringComparison.Ordinal);
        var fields = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var credential = fields["Credential"].Split('/');
        Assert.Equal("aws4_request", credential[4]);
        return new Scope(credential[0], credential[1], credential[2], credential[3], fields["SignedHeaders"].Split(';'));
    }

    /// <summary>Asserts that the request carries the signature the SDK's signer computes for it with these credentials.</summary>
    public static void AssertValid(RecordedRequest request, AWSCredentials credentials, string region)
    {
        var scope = Read(request);
        Assert.Equal("apigateway", scope.Service);
        Assert.Equal(region, scope.Region);
        Assert.Contains("host", scope.SignedHeaders);
        Assert.Contains("x-amz-date", scope.SignedHeaders);
        Assert.Contains("accept", scope.SignedHeaders);

        var signedAt = DateTime.ParseExact(request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal(signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture), scope.Date);

        var again = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.Uri,
            Content = request.Body ?? [],
        };
        foreach (var header in request.Headers.Where(h => scope.SignedHeaders.Contains(h.Key.ToLowerInvariant()) && !AddedBySigner.Contains(h.Key.ToLowerInvariant())))
        {
            again.Headers[header.Key] = header.Value;
        }

        var expected = AWSSigV4Signer.Sign(again, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = "apigateway",
            SignedAt = signedAt,
        });

        Assert.Equal(expected.Headers["Authorization"], request.Header("Authorization"));
    }
}
