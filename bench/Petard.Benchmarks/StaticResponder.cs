using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Petard.Benchmarks;

/// <summary>
/// The cheapest server that still speaks HTTP/1.1: a raw socket loop answering every request with
/// one fixed JSON body. It isolates client cost from server cost (Kestrel would add its own).
/// </summary>
internal sealed class StaticResponder : IAsyncDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"a1b2c3d4e5","name":"bench","createdDate":1764000000,"apiKeySource":"HEADER","endpointConfiguration":{"types":["EDGE"]},"disableExecuteApiEndpoint":false,"rootResourceId":"r00t00001"}""");
    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nContent-Length: {Body.Length}\r\n\r\n").Concat(Body).ToArray();

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public StaticResponder()
    {
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = AcceptAsync();
    }

    public Uri Url { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var pending = new List<byte>();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read).ToArray());
                    while (TryTakeRequest(pending))
                    {
                        await stream.WriteAsync(Response, stop.Token);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The client went away or the responder is stopping.
            }
        }
    }

    // One request = headers up to a blank line, plus Content-Length bytes of body.
    private static bool TryTakeRequest(List<byte> pending)
    {
        var text = Encoding.ASCII.GetString(pending.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = 0;
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (pending.Count < end + 4 + length)
        {
            return false;
        }

        pending.RemoveRange(0, end + 4 + length);
        return true;
    }
}
