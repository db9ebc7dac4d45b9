using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>
/// The SDK types the service generates (GetSdkTypes, GetSdkType), from the service rules' table;
/// and GetSdk, which checks its input as the service does and then answers, in the service's error
/// shape, that SDK generation is not emulated.
/// </summary>
internal static class SdkTypeOperations
{
    private static readonly Lazy<JsonArray> SdkTypes = new(() => (JsonArray)JsonNode.Parse(ServiceRules.Default.SdkTypes)!);

    public static void Register(OperationTable table)
    {
        table.Add("GetSdkTypes", (input, _) => Paging.Page(SdkTypes.Value.Select(t => t!), input));
        table.Add("GetSdkType", (input, _) => Find(input.Required("id")).DeepClone().AsObject());
        table.Add("GetSdk", (input, state) =>
        {
            StageOperations.Get(state.RestApi(input.Required("restApiId")), input.Required("stageName"));
            var sdkType = input.Required("sdkType");
            Find(sdkType);
            throw ServiceErrors.BadRequest("sdkNotEmulated", ("sdkType", sdkType));
        });
    }

    private static JsonObject Find(string id) =>
        SdkTypes.Value.FirstOrDefault(t => t?["id"]?.GetValue<string>() == id) as JsonObject
            ?? throw ServiceErrors.NotFound("sdkTypeNotFound", ("value", id));
}
