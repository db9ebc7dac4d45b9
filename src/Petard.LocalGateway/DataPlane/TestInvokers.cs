namespace Petard.Local.DataPlane;

/// <summary>What the control plane's TestInvokeMethod and TestInvokeAuthorizer run on the data plane.</summary>
/// <param name="Methods">The method steps, for TestInvokeMethod.</param>
/// <param name="Authorizers">The authorizer functions, for TestInvokeAuthorizer.</param>
/// <param name="Cognito">The user pools' keys, for TestInvokeAuthorizer of a Cognito authorizer.</param>
internal sealed record TestInvokers(MethodTestInvoker Methods, AuthorizerFunctionInvoker Authorizers, Authorizers.CognitoTokenVerifier Cognito);
