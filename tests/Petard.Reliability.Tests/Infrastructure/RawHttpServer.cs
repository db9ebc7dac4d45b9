using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// A server on 127.0.0.1 that answers each request with exactly the bytes a test scripts (valid
/// HTTP or not), then closes the connection: the answers no well-behaved server would give, as
/// proxies, load balancers and broken networks give them.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public RawHttpServer()
    {
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        accepting = AcceptAsync();
    }

    public string Url { get; }

    /// <summary>Writes the answer to the next request; set before each call.</summary>
    public Func<Stream, CancellationToken, Task> Answer { get; set; } = (_, _) => Task.CompletedTask;

    public int Requests => Volatile.Read(ref requests);

    private int requests;

    public static Func<Stream, CancellationToken, Task> Bytes(byte[] bytes) => (stream, ct) => stream.WriteAsync(bytes, ct).AsTask();

    public static Func<Stream, CancellationToken, Task> Response(int status, string? contentType, byte[] body, string? extraHeaders = null, long? contentLength = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Status\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        head.Append($"Content-Length: {contentLength ?? body.Length}\r\nConnection: close\r\n{extraHeaders}\r\n");
        return Bytes([.. Encoding.ASCII.GetBytes(head.ToString()), .. body]);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var socket = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                await ReadRequestAsync(stream, stopping.Token);
                Interlocked.Increment(ref requests);
                await Answer(stream, stopping.Token);
                await stream.FlushAsync(stopping.Token);
                socket.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up on an answer it did not like: that is the point.
            }
        }
    }

    /// <summary>Reads the request line, headers and a Content-Length body.</summary>
    private static async Task ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return;
            }

            head.Add(one[0]);
        }

        var length = Encoding.ASCII.GetString([.. head]).Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
    }
}
