using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Client certificates the gateway presents to HTTP backends: a real self-signed certificate, valid a year, as the service generates.</summary>
internal static class ClientCertificateOperations
{
    private const int ValidDays = 365;

    private static readonly PatchRules Rules = PatchRules.For("clientCertificate");

    public static void Register(OperationTable table)
    {
        table.Add("GenerateClientCertificate", Generate);
        table.Add("GetClientCertificate", (input, state) => Get(state, input.Required("clientCertificateId")).DeepClone().AsObject());
        table.Add("GetClientCertificates", (input, state) => Paging.Page(state.ClientCertificates.Select(kv => kv.Value!), input));
        table.Add("UpdateClientCertificate", (input, state) =>
        {
            var id = input.Required("clientCertificateId");
            var updated = Rules.Apply(Get(state, id), PatchOperation.Read(input));
            state.ClientCertificates[id] = updated;
            return updated.DeepClone().AsObject();
        });
        table.Add("DeleteClientCertificate", (input, state) =>
            Stored.Remove(state.ClientCertificates, input.Required("clientCertificateId"), ServiceErrors.Message("clientCertificateNotFound")));
    }

    public static JsonObject Get(GatewayState state, string id) =>
        state.ClientCertificates[id] as JsonObject ?? throw ServiceErrors.NotFound("clientCertificateNotFound");

    private static OperationResult Generate(OperationInput input, GatewayState state)
    {
        var id = IdGenerator.Unique(IdGenerator.ShortId, state.ClientCertificates.ContainsKey);
        var created = DateTimeOffset.UtcNow;
        var certificate = new JsonObject
        {
            ["clientCertificateId"] = id,
            ["pemEncodedCertificate"] = SelfSigned(id, created),
            ["createdDate"] = created.ToUnixTimeSeconds(),
            ["expirationDate"] = created.AddDays(ValidDays).ToUnixTimeSeconds(),
        };
        Stored.Copy(input, certificate, "description");
        Tags.CopyOnCreate(input, certificate);
        state.ClientCertificates[id] = certificate;
        return certificate.DeepClone().AsObject();
    }

    private static string SelfSigned(string id, DateTimeOffset created)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={id}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(created.AddMinutes(-1), created.AddDays(ValidDays));
        return certificate.ExportCertificatePem() + "\n";
    }
}
