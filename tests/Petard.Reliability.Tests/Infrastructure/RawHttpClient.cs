using System.Net.Sockets;
using System.Text;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// Sends one request byte for byte over a socket (HTTP/1.0, so the answer is never chunked), for
/// requests HttpClient would not build: repeated headers, invalid UTF-8, anything.
/// </summary>
internal static class RawHttpClient
{
    public static async Task<RawAnswer> SendAsync(string baseUrl, string method, string target, IEnumerable<string> headers, byte[] body)
    {
        var url = new Uri(baseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append($"{method} {target} HTTP/1.0\r\nHost: {url.Authority}\r\nContent-Length: {body.Length}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(30));
        return RawAnswer.Parse(received.ToArray());
    }
}

/// <summary>An answer as it came over the wire.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The header lines, name to value.</param>
/// <param name="Body">The body, as UTF-8 text.</param>
internal sealed record RawAnswer(int Status, ILookup<string, string> Headers, string Body)
{
    public static RawAnswer Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).ToLookup(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        return new RawAnswer(status, headers, split < 0 ? "" : text[(split + 4)..]);
    }
}
