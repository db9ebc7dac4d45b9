using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Petard.Local.Tests;

/// <summary>Client certificates.</summary>
public sealed class ClientCertificateTests : GatewayTestBase
{
    [Fact]
    public async Task A_generated_certificate_is_a_real_PEM_certificate_valid_for_a_year_with_full_crud()
    {
        var created = await Client.InvokeAsync("GenerateClientCertificate", new { description = "to the backend" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.GetString("clientCertificateId")!;
        using var certificate = X509Certificate2.CreateFromPem(created.GetString("pemEncodedCertificate"));
        Assert.InRange(certificate.NotAfter - certificate.NotBefore, TimeSpan.FromDays(364), TimeSpan.FromDays(366));
        Assert.Equal(365 * 24 * 3600, created["expirationDate"].GetInt64() - created["createdDate"].GetInt64());

        var updated = await Client.InvokeAsync("UpdateClientCertificate", new { clientCertificateId = id, patchOperations = new[] { new { op = "replace", path = "/description", value = "rotated" } } });
        Assert.Equal("rotated", updated.GetString("description"));
        Assert.Equal("rotated", (await Client.InvokeAsync("GetClientCertificate", new { clientCertificateId = id })).GetString("description"));
        Assert.Single((await Client.InvokeAsync("GetClientCertificates")).Items);

        await Client.InvokeAsync("DeleteClientCertificate", new { clientCertificateId = id });
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetClientCertificate", new { clientCertificateId = id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
        Assert.Equal("Invalid Client Certificate identifier specified", gone.ServiceMessage);
    }

    [Fact]
    public async Task A_patch_path_other_than_description_is_a_BadRequest()
    {
        var id = (await Client.InvokeAsync("GenerateClientCertificate")).GetString("clientCertificateId");
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateClientCertificate", new { clientCertificateId = id, patchOperations = new[] { new { op = "replace", path = "/pemEncodedCertificate", value = "x" } } }));
        Assert.Equal("BadRequestException", error.ErrorType);
    }
}
