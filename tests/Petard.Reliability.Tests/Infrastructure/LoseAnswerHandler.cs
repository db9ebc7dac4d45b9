namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// Sends requests for real, then for the first <c>count</c> requests matching a path suffix throws
/// away the service's answer as a connection reset would: the write happened, the client never hears.
/// The emulator's own DropConnection fault drops before the operation runs; this is the other half.
/// </summary>
internal sealed class LoseAnswerHandler(string method, string pathSuffix, int count) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly int scripted = count;
    private int remaining = count;

    public int Lost => scripted - Volatile.Read(ref remaining);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method.Method == method
            && request.RequestUri!.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal)
            && Interlocked.Decrement(ref remaining) >= 0)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (the answer was lost on purpose).");
        }

        return response;
    }
}
