using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests.DataPlane;

/// <summary>Deploys an OpenAPI definition to a fresh emulator and calls its invoke URL over real HTTP, unsigned.</summary>
public abstract class DataPlaneTestBase : GatewayTestBase
{
    private readonly StringWriter log = new();

    protected HttpClient Http { get; } = new();

    protected string LogText
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    protected override LocalGatewayOptions Options
    {
        get
        {
            var options = new LocalGatewayOptions { DataPlaneLog = TextWriter.Synchronized(log) };
            ConfigureOptions(options);
            return options;
        }
    }

    protected virtual void ConfigureOptions(LocalGatewayOptions options)
    {
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Imports the definition as a new API and deploys it to a stage; returns the API id.</summary>
    protected async Task<string> DeployAsync(string openApiYaml, string stage = "dev", IDictionary<string, string>? variables = null)
    {
        var api = await Client.InvokeAsync("ImportRestApi", new { body = openApiYaml });
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api.Id, stageName = stage, variables = variables ?? new Dictionary<string, string>() });
        return api.Id!;
    }

    /// <summary>Replaces stage properties by their patch paths, e.g. <c>/variables/name</c>.</summary>
    protected Task PatchStageAsync(string apiId, params (string Path, string Value)[] replacements) =>
        Client.InvokeAsync("UpdateStage", new
        {
            restApiId = apiId,
            stageName = "dev",
            patchOperations = replacements.Select(r => new { op = "replace", path = r.Path, value = r.Value }).ToArray(),
        });

    protected string InvokeUrl(string apiId, string path, string stage = "dev") =>
        $"{Gateway.Url}restapis/{apiId}/{stage}/_user_request_{path}";

    protected async Task<Answer> CallAsync(string method, string url, string? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer((int)response.StatusCode, text, all);
    }

    /// <summary>What the invoke URL answered.</summary>
    protected sealed record Answer(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    /// <summary>A MOCK operation whose default response answers <paramref name="body"/> with status 200.</summary>
    protected static string Mock(string method, string body, string status = "200") => $$"""
            {{method}}:
              responses:
                "{{status}}":
                  description: ok
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": {{status}}}'
                responses:
                  default:
                    statusCode: "{{status}}"
                    responseTemplates:
                      application/json: '{{body}}'
        """;

    /// <summary>A greedy <c>/{proxy+}</c> resource whose ANY method is an HTTP_PROXY to <paramref name="uri"/>, which may use <c>{proxy}</c>.</summary>
    protected static string GreedyHttpProxy(string uri, int timeoutInMillis = 29000) => $$"""
              /{proxy+}:
                x-amazon-apigateway-any-method:
                  x-amazon-apigateway-integration:
                    type: http_proxy
                    httpMethod: ANY
                    uri: "{{uri}}"
                    timeoutInMillis: {{timeoutInMillis}}
            """;

    protected static string Api(string paths) => $"""
        openapi: 3.0.1
        info:
          title: DataPlane
          version: "1.0"
        paths:
        {paths}
        """;
}
