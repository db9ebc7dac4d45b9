using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Pays a fresh process's first-use costs on the other core while the caller prepares its first call
/// (docs/benchmarks.md, the cold path): .NET's HTTP stack (about 50 ms of JIT and type loading, even
/// with everything precompiled) and AWSSDK.Core's signer (about 30 ms: its standalone client
/// configuration and code). Once per process, started by <see cref="PetardClient.Create"/>. Nothing
/// leaves the process: the HTTP request goes to a canned answer in memory, the signature is made with
/// placeholder keys (never the caller's: refreshing credentials would fetch them). The first call
/// goes the other way round (marshal, sign, send), so the two meet in the middle instead of
/// compiling the same methods in step; whatever the warm-up has not reached yet, the call does itself.
/// </summary>
internal static class WarmUp
{
    private static readonly Uri Target = new("http://petard-warm-up.invalid/restapis/warm");
    private static int started;

    public static void Start(RegionEndpoint region)
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await HttpAsync().ConfigureAwait(false);
            await SignerAsync(region).ConfigureAwait(false);
        });
    }

    private static async Task HttpAsync()
    {
        try
        {
            using var http = new HttpClient(ClientHttpHandler.Create((_, _) => ValueTask.FromResult<Stream>(new CannedConnection())));
            using var request = new HttpRequestMessage(HttpMethod.Get, Target);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            _ = await ResponseReader.ReadAsync(OperationModel.Default.Get("GetRestApi"), response, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or PetardException or OperationCanceledException)
        {
            // Only a warm-up: the real call meets any real problem and reports it.
        }
    }

    private static async Task SignerAsync(RegionEndpoint region)
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = Target, Content = [] };
        request.Headers["Accept"] = "application/json";
        try
        {
            _ = await AWSSigV4Signer.SignAsync(request, new AWSSigV4Parameters { Credentials = new BasicAWSCredentials("AKIDWARMUP", "warm-up-only"), Region = region, Service = PetardClient.ServiceName }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException)
        {
            // Only a warm-up: the real first signature meets the same problem and reports it.
        }
    }

    /// <summary>An HTTP/1.1 connection in memory: takes the request, answers one small JSON object.</summary>
    private sealed class CannedConnection : Stream
    {
        private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\nx-amzn-RequestId: warm-up\r\n\r\n{\"id\":\"warm\"}");

        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, Answer.Length - position);
            Answer.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
