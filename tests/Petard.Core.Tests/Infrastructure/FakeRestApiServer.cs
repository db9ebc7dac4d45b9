using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that keeps REST APIs in memory (create, list, delete): just
/// enough of API Gateway to run the README's example over real HTTP until the LocalGateway
/// emulator takes its place. It refuses unsigned requests as the service does.
/// </summary>
public sealed class FakeRestApiServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, JsonObject> apis = [];
    private readonly Task loop;
    private int nextId;

    public FakeRestApiServer()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<string> Calls { get; } = [];

    public IReadOnlyCollection<JsonObject> RestApis => apis.Values;

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }

            using var response = context.Response;
            var (status, body) = Answer(context.Request);
            response.StatusCode = (int)status;
            response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
    }

    private (HttpStatusCode, string) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        lock (Calls)
        {
            Calls.Add($"{request.HttpMethod} {path}");
        }

        if (request.Headers["Authorization"]?.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) != true)
        {
            return (HttpStatusCode.Forbidden, "{\"message\":\"Missing Authentication Token\"}");
        }

        switch (request.HttpMethod, path)
        {
            case ("POST", "/restapis"):
                using (var reader = new StreamReader(request.InputStream))
                {
                    var api = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
                    api["id"] = $"api{++nextId}";
                    apis[(string)api["id"]!] = api;
                    return (HttpStatusCode.Created, api.ToJsonString());
                }

            case ("GET", "/restapis"):
                return (HttpStatusCode.OK, JsonSerializer.Serialize(new { item = apis.Values }));
            case ("DELETE", _) when path.StartsWith("/restapis/", StringComparison.Ordinal):
                return apis.Remove(Uri.UnescapeDataString(path["/restapis/".Length..]))
                    ? (HttpStatusCode.Accepted, string.Empty)
                    : (HttpStatusCode.NotFound, "{\"message\":\"Invalid API identifier specified\"}");
            default:
                return (HttpStatusCode.NotFound, "{\"message\":\"no such route in the fake\"}");
        }
    }
}
