namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// Runs an action (another process's work, in effect) just before the first request with the given
/// method and path prefix reaches the emulator, then sends that request for real.
/// </summary>
internal sealed class BeforeFirstRequestHandler(string method, string pathPrefix, Func<Task> action) : DelegatingHandler(new SocketsHttpHandler())
{
    private int done;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method.Method == method
            && request.RequestUri!.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal)
            && Interlocked.Exchange(ref done, 1) == 0)
        {
            await action().ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
