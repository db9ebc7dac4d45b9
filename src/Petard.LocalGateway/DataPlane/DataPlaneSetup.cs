using Petard.Local.DataPlane.Authorizers;
using Petard.Local.DataPlane.Integrations;
using Petard.Local.DataPlane.Steps;
using Petard.Local.State;

namespace Petard.Local.DataPlane;

/// <summary>Puts the data plane together: its steps in the service's order and the integrations by type.</summary>
internal static class DataPlaneSetup
{
    public static DataPlaneEndpoint Create(GatewayState state, LocalGatewayOptions options, HttpClient http, AuthorizerCache authorizerCache, UsageLedger usage)
    {
        IInvocationStep[] steps =
        [
            new RouteStep(state, new CanaryDraw(options.CanarySeed)),
            new AuthorizerStep(AuthorizerFunctions(options, http), authorizerCache, CognitoTokenVerifier.Load(options.CognitoJwks, TimeProvider.System), options.Region),
            new ApiKeyStep(state),
            new ThrottleStep(TimeProvider.System, usage),
            .. MethodSteps(options, http),
        ];
        var log = new DataPlaneLog(options.DataPlaneLog);
        return new DataPlaneEndpoint(steps, log, new AccessLog(log), TimeProvider.System);
    }

    /// <summary>What TestInvokeMethod runs (the steps from the method request on, with the same integrations) and TestInvokeAuthorizer calls.</summary>
    public static TestInvokers CreateTestInvokers(LocalGatewayOptions options, HttpClient http) =>
        new(new MethodTestInvoker(MethodSteps(options, http)), AuthorizerFunctions(options, http), CognitoTokenVerifier.Load(options.CognitoJwks, TimeProvider.System));

    private static AuthorizerFunctionInvoker AuthorizerFunctions(LocalGatewayOptions options, HttpClient http) => new(Functions(options), new BackendClient(http));

    // The steps after routing, API keys and throttling.
    private static IInvocationStep[] MethodSteps(LocalGatewayOptions options, HttpClient http) =>
    [
        new MethodRequestStep(),
        new IntegrationRequestStep(),
        new IntegrationStep(Integrations(options, http)),
        new IntegrationResponseStep(),
        new MethodResponseStep(),
    ];

    private static Dictionary<string, IIntegration> Integrations(LocalGatewayOptions options, HttpClient http)
    {
        var backend = new BackendClient(http);
        var httpIntegration = new HttpIntegration(backend);
        return new Dictionary<string, IIntegration>(StringComparer.Ordinal)
        {
            ["MOCK"] = new MockIntegration(),
            ["HTTP"] = httpIntegration,
            ["HTTP_PROXY"] = httpIntegration,
            ["AWS_PROXY"] = new LambdaProxyIntegration(Functions(options), backend),
            ["AWS"] = new NotEmulatedIntegration(),
        };
    }

    private static LambdaFunctions Functions(LocalGatewayOptions options) => new(new Dictionary<string, Uri>(options.Lambdas, StringComparer.Ordinal));
}
