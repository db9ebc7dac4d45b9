using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Request validators of a rest API: whether a method checks the request's body and parameters.</summary>
internal static class RequestValidatorOperations
{
    private static readonly PatchRules Rules = PatchRules.For("requestValidator");

    private static readonly ApiChildren Validators = new("requestValidators", "requestValidatorId", "requestValidatorNotFound", "requestValidatorInUse");

    public static void Register(OperationTable table)
    {
        table.Add("CreateRequestValidator", Create);
        Validators.Register(table, "RequestValidator", Rules, CheckName);
    }

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        // Recorded from AWS: creating on an unknown API is a BadRequest, not the NotFound of the reads.
        var restApi = state.RestApis[input.Required("restApiId")] as JsonObject ?? throw ServiceErrors.BadRequest("invalidRestApiForCreate");
        var validators = Validators.All(restApi);
        var id = IdGenerator.Unique(IdGenerator.ShortId, validators.ContainsKey);
        var validator = new JsonObject
        {
            ["id"] = id,
            ["name"] = input.String("name") ?? id,
            ["validateRequestBody"] = input.Bool("validateRequestBody") ?? false,
            ["validateRequestParameters"] = input.Bool("validateRequestParameters") ?? false,
        };
        CheckName(validator);
        validators[id] = validator;
        return validator.DeepClone().AsObject();
    }

    private static void CheckName(JsonObject validator)
    {
        if (string.IsNullOrWhiteSpace(validator["name"]?.GetValue<string>()))
        {
            throw ServiceErrors.BadRequest("blankRequestValidatorName");
        }
    }
}
