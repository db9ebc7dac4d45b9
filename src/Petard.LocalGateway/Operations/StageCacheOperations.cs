using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>
/// FlushStageCache and FlushStageAuthorizersCache: the stage must exist; the emulator keeps no
/// response cache and its authorizer results live in the data plane, so there is nothing more to drop.
/// </summary>
internal static class StageCacheOperations
{
    public static void Register(OperationTable table)
    {
        table.Add("FlushStageCache", Flush);
        table.Add("FlushStageAuthorizersCache", Flush);
    }

    private static OperationResult Flush(OperationInput input, State.GatewayState state)
    {
        StageOperations.Get(state.RestApi(input.Required("restApiId")), input.Required("stageName"));
        return OperationResult.Empty;
    }
}
