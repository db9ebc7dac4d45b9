using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Petard.Execution;

/// <summary>
/// Signs each request with AWSSDK.Core's public SigV4 signer (<see cref="AWSSigV4Signer"/>), reading
/// the credentials anew every time so refreshing credentials (roles, SSO) stay valid. It sits below
/// the executor's retry loop, so every attempt carries a fresh signature.
/// </summary>
internal sealed class SigningHandler(AWSCredentials credentials, RegionEndpoint region, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri,
            Content = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false),
        };
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = string.Join(",", header.Value);
        }

        var parameters = new AWSSigV4Parameters { Credentials = credentials, Region = region, Service = PetardClient.ServiceName };
        AWSSigningResult signed;
        try
        {
            signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or ProcessAWSCredentialException)
        {
            // Refreshing credentials (assume-role, SSO, credential_process) fetch them here, at the first signature.
            // A failing credential_process throws ProcessAWSCredentialException, which is not an AmazonClientException.
            throw PetardErrors.CredentialsFailed(ex);
        }

        foreach (var header in signed.Headers)
        {
            if (!string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Remove(header.Key);
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
