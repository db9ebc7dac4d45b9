using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane;
using Petard.Local.Http;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// TestInvokeMethod: a request run through the data plane's steps (method request to method
/// response) against the current resources, undeployed, as the console's test does; answered as
/// status, body, headers, a log and the latency.
/// </summary>
internal static class TestInvokeMethodOperations
{
    private const string TestStage = "test-invoke-stage";

    public static void Register(OperationTable table, MethodTestInvoker? tester) =>
        table.AddAsync("TestInvokeMethod", (input, state, cancellationToken) => TestInvokeAsync(input, state, tester, cancellationToken));

    private static async Task<OperationResult> TestInvokeAsync(OperationInput input, GatewayState state, MethodTestInvoker? tester, CancellationToken cancellationToken)
    {
        var restApiId = input.Required("restApiId");
        var resourceId = input.Required("resourceId");
        var httpMethod = input.Required("httpMethod");
        JsonObject resources;
        JsonObject resource;
        JsonObject method;
        List<string> binaryMediaTypes;
        JsonObject api;
        lock (state.Gate)
        {
            // Recorded from AWS: an unknown API is answered like an unknown resource.
            var restApi = state.RestApis[restApiId] as JsonObject ?? throw GatewayException.NotFound("Invalid Resource identifier specified");
            resource = (JsonObject)ResourceTree.Get(restApi, resourceId).DeepClone();
            method = resource["resourceMethods"]?[httpMethod] as JsonObject ?? throw GatewayException.NotFound("Invalid Method identifier specified");
            resources = (JsonObject)ResourceTree.Resources(restApi).DeepClone();
            binaryMediaTypes = (restApi["api"]?["binaryMediaTypes"] as JsonArray ?? []).Select(t => t?.ToString() ?? string.Empty).ToList();
            api = ApiSettings.Copy(restApi);
        }

        if (tester is null)
        {
            throw new GatewayException(500, "InternalServerErrorException", "TestInvokeMethod needs the data plane, which this operation table was built without.");
        }

        var requestId = Guid.NewGuid().ToString();
        var request = Request(input, restApiId, httpMethod, resource);
        var route = ResourceMatcher.Find(resources, request.PathSegments, httpMethod);
        var matched = route is not null && route.Resource["id"]?.GetValue<string>() == resourceId;
        var invocation = new Invocation(request, requestId, DateTimeOffset.UtcNow)
        {
            Stage = new JsonObject { ["stageName"] = TestStage },
            DeploymentId = "test-invoke-deployment-id",
            StageVariables = (input.Map("stageVariables") ?? []).ToDictionary(v => v.Key, v => v.Value?.ToString() ?? string.Empty, StringComparer.Ordinal),
            BinaryMediaTypes = binaryMediaTypes,
            Api = api,
            Resource = matched ? route!.Resource : resource,
            Method = matched ? route!.Method : method,
            PathParameters = matched ? route!.PathParameters : new Dictionary<string, string>(),
        };

        var response = await tester.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        return Answer(invocation, response);
    }

    private static InvokeRequest Request(OperationInput input, string restApiId, string httpMethod, JsonObject resource)
    {
        var target = input.String("pathWithQueryString") is { Length: > 0 } given ? given : resource["path"]!.GetValue<string>();
        var (path, query) = PathWithQuery.Parse(target);
        var headers = (input.Map("headers") ?? []).Select(h => KeyValuePair.Create(h.Key, h.Value?.ToString() ?? string.Empty)).ToList();
        foreach (var (name, values) in input.Map("multiValueHeaders") ?? [])
        {
            headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            headers.AddRange((values as JsonArray ?? []).Select(v => KeyValuePair.Create(name, v?.ToString() ?? string.Empty)));
        }

        return new InvokeRequest(
            restApiId,
            TestStage,
            httpMethod,
            path,
            path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList(),
            query,
            headers,
            Encoding.UTF8.GetBytes(input.String("body") ?? string.Empty),
            "test-invoke-source-ip",
            "HTTP/1.1");
    }

    private static JsonObject Answer(Invocation invocation, InvokeResponse response)
    {
        var headers = new JsonObject();
        var multiValueHeaders = new JsonObject();
        foreach (var group in response.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            headers[group.Key] = group.Last().Value;
            multiValueHeaders[group.Key] = new JsonArray(group.Select(h => (JsonNode)h.Value).ToArray());
        }

        var latency = (long)invocation.Elapsed.TotalMilliseconds;
        var now = DateTimeOffset.UtcNow.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
        var request = invocation.Request;
        string[] lines =
        [
            $"Starting execution for request: {invocation.RequestId}",
            $"HTTP Method: {request.HttpMethod}, Resource Path: {request.Path}",
            $"Method request path: {JavaMap(invocation.PathParameters)}",
            $"Method request query string: {JavaMap(request.Query)}",
            $"Method request headers: {JavaMap(request.Headers)}",
            $"Method request body before transformations: {Encoding.UTF8.GetString(request.Body)}",
            .. invocation.Error is { } error
                ? [$"Execution failed: {error.Detail ?? error.ResponseMessage}"]
                : new[]
                {
                    $"Method response body after transformations: {Encoding.UTF8.GetString(response.Body)}",
                    $"Method response headers: {JavaMap(response.Headers)}",
                    "Successfully completed execution",
                },
            $"Method completed with status: {response.StatusCode}",
        ];
        var log = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Execution log for request {invocation.RequestId}\n");
        foreach (var line in lines)
        {
            log.Append(CultureInfo.InvariantCulture, $"{now} : {line}\n");
        }

        return new JsonObject
        {
            ["status"] = response.StatusCode,
            ["body"] = Encoding.UTF8.GetString(response.Body),
            ["headers"] = headers,
            ["multiValueHeaders"] = multiValueHeaders,
            ["log"] = log.ToString(),
            ["latency"] = latency,
        };
    }

    // The log prints maps as Java does: {a=1, b=2}.
    private static string JavaMap(IEnumerable<KeyValuePair<string, string>> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{e.Key}={e.Value}")) + "}";
}
