using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Petard.TestSupport;

/// <summary>
/// A server on 127.0.0.1 that answers each request with exactly the bytes a test scripts, on a raw
/// socket. Closing after each answer, it gives the answers no well-behaved server would give (as
/// proxies, load balancers and broken networks give them); kept alive, it is the cheapest server
/// that still speaks HTTP/1.1, which isolates a client's cost from a server's (Kestrel would add its own).
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly bool keepAlive;
    private readonly Task accepting;
    private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requests;

    /// <param name="keepAlive">
    /// Serve any number of requests on a connection; otherwise close it after the first answer,
    /// the one thing a client can rely on after an answer that may not be valid HTTP.
    /// </param>
    public RawHttpServer(bool keepAlive = false)
    {
        this.keepAlive = keepAlive;
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        accepting = AcceptAsync();
    }

    public string Url { get; }

    /// <summary>Writes the answer to the next request; set before each call.</summary>
    public Func<Stream, CancellationToken, Task> Answer { get; set; } = (_, _) => Task.CompletedTask;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Completes once a request has been read: the client's call is in flight.</summary>
    public Task FirstRequest => firstRequest.Task;

    /// <summary>No answer at all, until the server stops: only the client's cancellation ends its call.</summary>
    public static Func<Stream, CancellationToken, Task> Silence { get; } = (_, ct) => Task.Delay(Timeout.Infinite, ct);

    public static Func<Stream, CancellationToken, Task> Bytes(byte[] bytes) => (stream, ct) => stream.WriteAsync(bytes, ct).AsTask();

    /// <summary>A response that closes the connection, with a Content-Length that may lie.</summary>
    public static Func<Stream, CancellationToken, Task> Response(int status, string? contentType, byte[] body, string? extraHeaders = null, long? contentLength = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Status\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength ?? body.Length}\r\nConnection: close\r\n{extraHeaders}\r\n");
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
                var buffer = new byte[64 * 1024];
                var pending = new List<byte>();
                while (!stopping.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read).ToArray());
                    while (TryTakeRequest(pending))
                    {
                        Interlocked.Increment(ref requests);
                        firstRequest.TrySetResult();
                        await Answer(stream, stopping.Token);
                        if (!keepAlive)
                        {
                            await stream.FlushAsync(stopping.Token);
                            socket.Client.Shutdown(SocketShutdown.Send);
                            return;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up on an answer it did not like (often the point), or the server is stopping.
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
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
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
