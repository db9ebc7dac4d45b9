namespace Petard.Local.DataPlane.Integrations;

/// <summary>
/// Sends one backend call with the integration's timeout and reads the whole answer. A timeout is
/// the service's 504, a connection that fails its 502; the backend's own statuses pass unchanged.
/// </summary>
internal sealed class BackendClient(HttpClient http)
{
    // Hop-by-hop headers describe one connection; they are not the backend's answer.
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    /// <summary>The service's integration timeout when none is set: 29 seconds.</summary>
    public const int DefaultTimeoutMillis = 29_000;

    public async Task<InvokeResponse> SendAsync(HttpRequestMessage message, int timeoutMillis, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutMillis);
        try
        {
            using var answer = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var response = new InvokeResponse((int)answer.StatusCode)
            {
                Body = await answer.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false),
            };
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            {
                if (!ConnectionHeaders.Contains(name))
                {
                    response.Headers.AddRange(values.Select(v => KeyValuePair.Create(name, v)));
                }
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw GatewayResponseException.IntegrationTimeout($"{message.Method} {message.RequestUri} did not answer within {timeoutMillis} ms.");
        }
        catch (HttpRequestException ex)
        {
            throw GatewayResponseException.IntegrationFailure($"{message.Method} {message.RequestUri} failed: {ex.Message}");
        }
    }

    /// <summary>A request message for a prepared integration request.</summary>
    public static HttpRequestMessage Message(IntegrationRequest request)
    {
        if (!Uri.TryCreate(AppendQuery(request.Uri, request.Query), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw GatewayResponseException.ConfigurationError($"The integration URI '{request.Uri}' is not an absolute http(s) URL.");
        }

        var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), uri);
        if (request.Body.Length > 0 || request.HttpMethod is "POST" or "PUT" or "PATCH")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    // A definition imported from YAML may carry the number as text.
    public static int TimeoutMillis(Invocation invocation) =>
        int.TryParse(invocation.Integration["timeoutInMillis"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis > 0 ? millis : DefaultTimeoutMillis;

    private static string AppendQuery(string uri, IReadOnlyCollection<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return uri;
        }

        var pairs = string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        return uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + pairs;
    }

    /// <summary>The one connection pool of the data plane: no proxy, no redirects followed, no cookies, bodies untouched.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
