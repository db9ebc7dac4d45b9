using System.Net;

namespace Petard.TestSupport;

/// <summary>
/// A route table over a <see cref="RecordingHandler"/> ("GET /restapis" -> JSON), for workflow
/// cases the emulator cannot set up (several APIs with one name, method settings). A request no
/// route answers fails the test.
/// </summary>
public sealed class ScriptedGateway
{
    private readonly List<(string Method, string PathAndQuery, HttpStatusCode Status, string Body)> script = [];
    private readonly RecordingHandler handler = new();

    public ScriptedGateway() => handler.Then(Answer);

    /// <summary>Each request as "METHOD /path?query", unescaped.</summary>
    public IReadOnlyList<string> Requests => [.. handler.Requests.Select(r => $"{r.Method} {PathAndQuery(r)}")];

    public IReadOnlyList<string> Bodies => [.. handler.Requests.Select(r => r.BodyText)];

    /// <summary>Answers requests whose method matches and whose path and query start with <paramref name="pathAndQuery"/>; later entries win.</summary>
    public ScriptedGateway On(string method, string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        script.Insert(0, (method, pathAndQuery, status, json));
        return this;
    }

    public ScriptedGateway NotFound(string method, string pathAndQuery) =>
        On(method, pathAndQuery, """{"message":"Invalid stage identifier specified"}""", HttpStatusCode.NotFound);

    /// <summary>A client of the scripted gateway that sends each call once, so the script sees every call the workflow makes.</summary>
    public PetardClient Client() => TestClients.Create(handler, maxAttempts: 1);

    private static string PathAndQuery(RecordedRequest request) => Uri.UnescapeDataString(request.Uri.PathAndQuery);

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        var pathAndQuery = PathAndQuery(request);
        foreach (var (method, path, status, body) in script)
        {
            if (method == request.Method.Method && pathAndQuery.StartsWith(path, StringComparison.Ordinal))
            {
                return status == HttpStatusCode.NotFound
                    ? RecordingHandler.Json(status, body, ("x-amzn-ErrorType", "NotFoundException:"))
                    : RecordingHandler.Json(status, body);
            }
        }

        throw new InvalidOperationException($"Unscripted request {request.Method} {pathAndQuery}");
    }
}
