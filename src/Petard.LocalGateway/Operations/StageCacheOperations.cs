using Petard.Local.DataPlane.Authorizers;
using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>
/// FlushStageCache and FlushStageAuthorizersCache: the stage must exist. The emulator keeps no
/// response cache; the authorizer results the data plane cached for the stage are dropped.
/// </summary>
internal static class StageCacheOperations
{
    public static void Register(OperationTable table, AuthorizerCache? authorizerCache)
    {
        table.Add("FlushStageCache", (input, state) => Flush(input, state, null));
        table.Add("FlushStageAuthorizersCache", (input, state) => Flush(input, state, authorizerCache));
    }

    private static OperationResult Flush(OperationInput input, State.GatewayState state, AuthorizerCache? authorizerCache)
    {
        var restApiId = input.Required("restApiId");
        var stageName = input.Required("stageName");
        StageOperations.Get(state.RestApi(restApiId), stageName);
        authorizerCache?.Flush(restApiId, stageName);
        return OperationResult.Empty;
    }
}
