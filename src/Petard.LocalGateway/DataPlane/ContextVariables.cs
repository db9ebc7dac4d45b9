using System.Globalization;
using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>
/// The <c>$context</c> variables of a request, in the service's names, shared by mapping templates,
/// the proxy event's <c>requestContext</c> and the access log format.
/// </summary>
internal static class ContextVariables
{
    public const string AccountId = "000000000000";

    public static JsonObject Build(Invocation invocation)
    {
        var request = invocation.Request;
        var context = new JsonObject
        {
            ["accountId"] = AccountId,
            ["apiId"] = request.RestApiId,
            ["deploymentId"] = invocation.DeploymentId,
            ["domainName"] = request.Header("Host") ?? "127.0.0.1",
            ["domainPrefix"] = request.RestApiId,
            ["extendedRequestId"] = invocation.RequestId,
            ["httpMethod"] = request.HttpMethod,
            ["isCanaryRequest"] = invocation.IsCanaryRequest,
            ["identity"] = new JsonObject
            {
                ["sourceIp"] = request.SourceIp,
                ["userAgent"] = request.Header("User-Agent"),
                ["apiKey"] = request.Header("x-api-key"),
                ["apiKeyId"] = invocation.ApiKeyId,
                ["caller"] = null,
                ["user"] = null,
                ["accountId"] = null,
            },
            ["path"] = $"/{request.Stage}{request.Path}",
            ["protocol"] = request.Protocol,
            ["requestId"] = invocation.RequestId,
            ["requestTime"] = invocation.RequestTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["requestTimeEpoch"] = invocation.RequestTime.ToUnixTimeMilliseconds(),
            ["resourceId"] = invocation.ResourceId,
            ["resourcePath"] = invocation.ResourcePath,
            ["stage"] = request.Stage,
        };
        if (invocation.Response is { } response)
        {
            context["status"] = response.StatusCode;
            context["responseLength"] = response.Body.Length;
            context["responseLatency"] = (long)invocation.Elapsed.TotalMilliseconds;
        }

        if (invocation.IntegrationResponse is { } integration)
        {
            context["integrationStatus"] = integration.StatusCode;
            context["integration"] = new JsonObject { ["status"] = integration.StatusCode, ["latency"] = (long)(invocation.IntegrationLatency?.TotalMilliseconds ?? 0) };
            context["integrationLatency"] = (long)(invocation.IntegrationLatency?.TotalMilliseconds ?? 0);
        }

        if (invocation.Authorizer is { } authorizer)
        {
            context["authorizer"] = authorizer.DeepClone();
        }

        if (invocation.Error is { } error)
        {
            context["error"] = new JsonObject
            {
                ["message"] = error.ResponseMessage,
                ["messageString"] = JsonValue.Create(error.ResponseMessage)?.ToJsonString() ?? "null",
                ["responseType"] = error.ResponseType,
            };
        }

        return context;
    }
}
