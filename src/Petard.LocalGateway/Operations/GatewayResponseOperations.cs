using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>
/// Gateway responses of a rest API. Every type of the model's <c>GatewayResponseType</c> enum
/// exists: a type never customized answers its default (<c>defaultResponse: true</c>), as the
/// service lists them; Put/Update store a customized one, Delete returns it to the default.
/// </summary>
internal static partial class GatewayResponseOperations
{
    private const string TypeEnum = "GatewayResponseType";

    private static readonly PatchRules Rules = new PatchRules()
        .Scalar("statusCode").Map("responseParameters").Map("responseTemplates");

    public static void Register(OperationTable table)
    {
        table.Add("PutGatewayResponse", Put);
        table.Add("GetGatewayResponse", (input, state) => Current(state.RestApi(input.Required("restApiId")), Type(input)));
        table.Add("GetGatewayResponses", (input, state) =>
        {
            var restApi = state.RestApi(input.Required("restApiId"));
            return Paging.Page(OperationModel.Default.EnumValues(TypeEnum).Select(type => (JsonNode)Current(restApi, type)), input);
        });
        table.Add("UpdateGatewayResponse", Update);
        table.Add("DeleteGatewayResponse", (input, state) =>
            Stored.Remove(Customized(state.RestApi(input.Required("restApiId"))), Type(input), ServiceErrors.Message("gatewayResponseNotFound")));
    }

    private static JsonObject Customized(JsonObject restApi) => GatewayState.Collection(restApi, "gatewayResponses");

    private static string Type(OperationInput input)
    {
        var type = input.Required("responseType");
        ServiceErrors.CheckEnum(TypeEnum, "responseType", type);
        return type;
    }

    /// <summary>The response of a type: the customized one, else the service's default.</summary>
    private static JsonObject Current(JsonObject restApi, string type) =>
        Customized(restApi)[type]?.DeepClone().AsObject() ?? Default(type);

    private static JsonObject Default(string type)
    {
        var rules = ServiceRules.Default;
        var response = new JsonObject { ["responseType"] = type };
        if (rules.GatewayResponseStatusCodes.GetValueOrDefault(type) is { } statusCode)
        {
            response["statusCode"] = statusCode;
        }

        response["responseParameters"] = new JsonObject();
        response["responseTemplates"] = new JsonObject(rules.GatewayResponseTemplates.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        response["defaultResponse"] = true;
        return response;
    }

    private static OperationResult Put(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var type = Type(input);
        var response = new JsonObject { ["responseType"] = type };
        if ((input.String("statusCode") ?? ServiceRules.Default.GatewayResponseStatusCodes.GetValueOrDefault(type)) is { } statusCode)
        {
            response["statusCode"] = statusCode;
        }

        response["responseParameters"] = input.Map("responseParameters")?.DeepClone() ?? new JsonObject();
        response["responseTemplates"] = input.Map("responseTemplates")?.DeepClone() ?? new JsonObject();
        response["defaultResponse"] = false;
        Check(response);
        Customized(restApi)[type] = response;
        return response.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var type = Type(input);
        var updated = Rules.Apply(Current(restApi, type), PatchOperation.Read(input));
        updated["defaultResponse"] = false;
        Check(updated);
        Customized(restApi)[type] = updated;
        return updated.DeepClone().AsObject();
    }

    private static void Check(JsonObject response)
    {
        if (response["statusCode"]?.GetValue<string>() is { } statusCode && !StatusCode().IsMatch(statusCode))
        {
            throw ServiceErrors.Validation("invalidStatusCodePattern", ("value", statusCode), ("member", "statusCode"));
        }
    }

    [GeneratedRegex("^[1-5][0-9][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusCode();
}
