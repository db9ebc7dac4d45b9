using System.Text;
using Petard.TestSupport;

namespace Petard.Benchmarks;

/// <summary>
/// The static responder: a kept-alive <see cref="RawHttpServer"/> answering every request with one
/// canned GetRestApi answer, so that only the client's cost is measured.
/// </summary>
internal static class StaticResponder
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"a1b2c3d4e5","name":"bench","createdDate":1764000000,"apiKeySource":"HEADER","endpointConfiguration":{"types":["EDGE"]},"disableExecuteApiEndpoint":false,"rootResourceId":"r00t00001"}""");
    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nContent-Length: {Body.Length}\r\n\r\n").Concat(Body).ToArray();

    public static RawHttpServer Start() => new(keepAlive: true) { Answer = RawHttpServer.Bytes(Response) };
}
