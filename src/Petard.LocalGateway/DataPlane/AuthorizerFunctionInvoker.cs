using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane.Integrations;

namespace Petard.Local.DataPlane;

/// <summary>
/// Calls a Lambda authorizer's local function (the <c>--lambda</c> mapping, the Runtime Interface
/// Emulator's protocol) with an authorizer event, for TestInvokeAuthorizer.
/// </summary>
internal sealed class AuthorizerFunctionInvoker(LambdaFunctions functions, BackendClient backend)
{
    /// <summary>The function's answer, or <c>null</c> when no local function serves <paramref name="authorizerUri"/>.</summary>
    public async Task<InvokeResponse?> InvokeAsync(string authorizerUri, JsonObject @event, CancellationToken cancellationToken)
    {
        if (functions.Find(authorizerUri) is not { } baseUrl)
        {
            return null;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, baseUrl.AbsolutePath.TrimEnd('/') + "/2015-03-31/functions/function/invocations"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(@event.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        return await backend.SendAsync(message, BackendClient.DefaultTimeoutMillis, cancellationToken).ConfigureAwait(false);
    }
}
