using System.Net.Http.Headers;

namespace Petard.Local.DataPlane.Integrations;

/// <summary>
/// AWS_PROXY to Lambda: posts the proxy event to the local function's
/// <c>/2015-03-31/functions/function/invocations</c> (the Runtime Interface Emulator's protocol)
/// and maps its proxy response.
/// </summary>
internal sealed class LambdaProxyIntegration(LambdaFunctions functions, BackendClient backend) : IIntegration
{
    public async Task<InvokeResponse> InvokeAsync(Invocation invocation, IntegrationRequest request, CancellationToken cancellationToken)
    {
        var baseUrl = functions.Find(request.Uri)
            ?? throw new GatewayResponseException(
                "API_CONFIGURATION_ERROR",
                500,
                $"Internal server error: no local function for '{LambdaFunctions.FunctionArn(request.Uri)}'. Start Petard.LocalGateway with --lambda NAME=URL (or set LocalGatewayOptions.Lambdas).");
        var @event = ProxyEvent.Build(invocation, BinaryMedia.IsBinary(invocation, invocation.Request.ContentType));
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, baseUrl.AbsolutePath.TrimEnd('/') + "/2015-03-31/functions/function/invocations"))
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(@event.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        var answer = await backend.SendAsync(message, BackendClient.TimeoutMillis(invocation), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode != 200 || answer.Header("X-Amz-Function-Error") is not null)
        {
            throw GatewayResponseException.IntegrationFailure($"The function failed (status {answer.StatusCode}): {System.Text.Encoding.UTF8.GetString(answer.Body)}");
        }

        return ProxyResponse.Map(answer.Body, decodeBase64: BinaryMedia.AcceptsBinary(invocation));
    }
}
