using System.Net;
using System.Text;

namespace Petard.TestSupport;

/// <summary>
/// The innermost HTTP handler of a client under test: records every request and answers from a
/// script (one responder per request, the last one repeated), so tests see exactly what went on the wire.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> script = new();
    private Func<RecordedRequest, HttpResponseMessage> last = _ => Json(HttpStatusCode.OK, "{}");

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Then(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        script.Enqueue(responder);
        return this;
    }

    public RecordingHandler Then(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        Then(_ => Json(status, body, headers));

    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        byte[]? body = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        if (script.TryDequeue(out var next))
        {
            last = next;
        }

        var response = last(recorded);
        response.RequestMessage = request;
        return response;
    }
}
