namespace Petard.Execution;

/// <summary>The HTTP handler a client sends through when the caller gives none.</summary>
internal static class ClientHttpHandler
{
    /// <summary>The client's handler; <paramref name="connect"/> replaces the network (the warm-up's in-memory connection).</summary>
    public static SocketsHttpHandler Create(Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        // API Gateway sets no cookies, and a trace header added below the signer would go unsigned:
        // neither is wanted, and leaving them out spares a fresh process their first use.
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectCallback = connect,
    };
}
