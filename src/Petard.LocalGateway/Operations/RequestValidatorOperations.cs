using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Kind = Petard.Local.Patching.PatchRules.ScalarKind;

namespace Petard.Local.Operations;

/// <summary>Request validators of a rest API: whether a method checks the request's body and parameters.</summary>
internal static class RequestValidatorOperations
{
    private static readonly PatchRules Rules = new PatchRules()
        .Scalar("name").Scalar("validateRequestBody", Kind.Boolean).Scalar("validateRequestParameters", Kind.Boolean);

    public static void Register(OperationTable table)
    {
        table.Add("CreateRequestValidator", Create);
        table.Add("GetRequestValidator", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required("requestValidatorId")).DeepClone().AsObject());
        table.Add("GetRequestValidators", (input, state) => Paging.Page(Validators(state.RestApi(input.Required("restApiId"))).Select(kv => kv.Value!), input));
        table.Add("UpdateRequestValidator", Update);
        table.Add("DeleteRequestValidator", Delete);
    }

    public static JsonObject Validators(JsonObject restApi) => GatewayState.Collection(restApi, "requestValidators");

    public static JsonObject Get(JsonObject restApi, string id) =>
        Validators(restApi)[id] as JsonObject ?? throw ServiceErrors.NotFound("requestValidatorNotFound");

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var validators = Validators(state.RestApi(input.Required("restApiId")));
        var id = IdGenerator.Unique(IdGenerator.ShortId, validators.ContainsKey);
        var validator = new JsonObject
        {
            ["id"] = id,
            ["name"] = input.String("name") ?? id,
            ["validateRequestBody"] = input.Bool("validateRequestBody") ?? false,
            ["validateRequestParameters"] = input.Bool("validateRequestParameters") ?? false,
        };
        validators[id] = validator;
        return validator.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var validators = Validators(state.RestApi(input.Required("restApiId")));
        var id = input.Required("requestValidatorId");
        var updated = Rules.Apply(Get(state.RestApi(input.Required("restApiId")), id), PatchOperation.Read(input));
        validators[id] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("requestValidatorId");
        var validator = Get(restApi, id);
        if (MethodReferences.Find(restApi, m => m["requestValidatorId"]?.GetValue<string>() == id) is { } method)
        {
            throw ServiceErrors.BadRequest("requestValidatorInUse", ("name", validator["name"]!.GetValue<string>()), ("method", method));
        }

        Validators(restApi).Remove(id);
        return OperationResult.Empty;
    }
}
