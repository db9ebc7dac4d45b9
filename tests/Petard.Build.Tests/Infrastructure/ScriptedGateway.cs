using System.Net;
using System.Text;

namespace Petard.Build.Tests.Infrastructure;

/// <summary>
/// An HTTP handler that answers from a script ("GET /restapis" -> JSON) and records every request,
/// for workflow cases the emulator cannot set up (several APIs with one name, method settings).
/// </summary>
internal sealed class ScriptedGateway : HttpMessageHandler
{
    private readonly List<(string Method, string Path, HttpStatusCode Status, string Body)> script = [];

    public List<string> Requests { get; } = [];

    public List<string> Bodies { get; } = [];

    /// <summary>Answers requests whose method matches and whose path and query start with <paramref name="pathAndQuery"/>; later entries win.</summary>
    public ScriptedGateway On(string method, string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        script.Insert(0, (method, pathAndQuery, status, json));
        return this;
    }

    public ScriptedGateway NotFound(string method, string pathAndQuery) =>
        On(method, pathAndQuery, """{"message":"Invalid stage identifier specified"}""", HttpStatusCode.NotFound);

    public PetardClient Client() => PetardClient.Create(new PetardClientOptions
    {
        Region = "eu-west-1",
        EndpointUrl = "https://apigateway.eu-west-1.amazonaws.com",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        HttpMessageHandler = this,
        Retry = new PetardRetryOptions { MaxAttempts = 1 },
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pathAndQuery = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        Requests.Add($"{request.Method} {pathAndQuery}");
        Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        foreach (var (method, path, status, body) in script)
        {
            if (method == request.Method.Method && pathAndQuery.StartsWith(path, StringComparison.Ordinal))
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (status == HttpStatusCode.NotFound)
                {
                    response.Headers.Add("x-amzn-ErrorType", "NotFoundException:");
                }

                return response;
            }
        }

        throw new InvalidOperationException($"Unscripted request {request.Method} {pathAndQuery}");
    }
}
