using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// Certificates are always checked: an https endpoint with an untrusted certificate is refused
/// (even on loopback) before any request is sent, and no code of Petard relaxes the check.
/// </summary>
public sealed class TlsTests
{
    [Fact]
    public async Task An_https_endpoint_with_a_self_signed_certificate_is_refused_before_any_request_is_sent()
    {
        using var certificate = SelfSigned();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requestsRead = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptTcpClientAsync(stop.Token);
                await using var tls = new SslStream(socket.GetStream());
                try
                {
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
                    if (await tls.ReadAsync(new byte[1], stop.Token) > 0)
                    {
                        Interlocked.Increment(ref requestsRead); // the client sent a request: it trusted the certificate
                    }
                }
                catch (Exception ex) when (ex is AuthenticationException or IOException)
                {
                    // The client refused the certificate: as it should.
                }
            }
        });
        using var client = Clients.Create($"https://127.0.0.1:{port}", Clients.FastRetry(maxAttempts: 2));

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.Unreachable, error.Code);
        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
        Assert.Equal(0, requestsRead);
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving; // ends at the loop's check, or in the accept it was waiting in
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    [Theory]
    [InlineData("http://apigateway.eu-west-1.amazonaws.com")]
    [InlineData("http://10.0.0.5:4567")]
    [InlineData("http://localhost.example.com:4567")]
    public void Plain_http_off_loopback_is_refused_before_any_connection(string endpoint)
    {
        var error = Assert.Throws<PetardException>(() => Clients.Create(endpoint));

        Assert.Equal(PetardErrorCodes.InvalidEndpoint, error.Code);
    }

    [Fact]
    public void No_source_file_of_the_shipped_code_turns_certificate_validation_off()
    {
        string[] relaxers = ["ServerCertificateCustomValidationCallback", "RemoteCertificateValidationCallback", "DangerousAcceptAnyServerCertificateValidator", "CertificateValidationCallback", "ServerCertificateValidationCallback", "SslOptions"];
        var sources = Directory.EnumerateFiles(RepositoryFolder("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var relaxer in relaxers)
            {
                Assert.False(text.Contains(relaxer, StringComparison.Ordinal), $"{file} uses {relaxer}");
            }
        }
    }

    private static string RepositoryFolder(string name) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", name));

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
