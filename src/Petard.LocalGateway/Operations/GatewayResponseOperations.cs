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

    private static readonly PatchRules Rules = PatchRules.For("gatewayResponse");

    public static void Register(OperationTable table)
    {
        table.Add("PutGatewayResponse", Put);
        table.Add("GetGatewayResponse", (input, state) => Current(state.RestApi(input.Required("restApiId")), Type(input)));
        table.Add("GetGatewayResponses", (input, state) =>
        {
            var restApi = state.RestApi(input.Required("restApiId"));
            // The service lists them by type name.
            return Paging.Page(OperationModel.Default.EnumValues(TypeEnum).Order(StringComparer.Ordinal).Select(type => (JsonNode)Current(restApi, type)), input);
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

    /// <summary>
    /// The response of a type: the customized one; else its default, which takes the status,
    /// parameters and templates of its family's customized DEFAULT_4XX or DEFAULT_5XX, as the service does.
    /// </summary>
    private static JsonObject Current(JsonObject restApi, string type)
    {
        var customized = Customized(restApi);
        if (customized[type] is JsonObject own)
        {
            return own.DeepClone().AsObject();
        }

        var response = Default(type);
        var family = response["statusCode"]?.GetValue<string>() switch
        {
            ['4', ..] => "DEFAULT_4XX",
            ['5', ..] => "DEFAULT_5XX",
            _ => null,
        };
        if (family is not null && customized[family] is JsonObject inherited)
        {
            response["statusCode"] = inherited["statusCode"]?.DeepClone() ?? response["statusCode"]!.DeepClone();
            response["responseParameters"] = inherited["responseParameters"]!.DeepClone();
            response["responseTemplates"] = inherited["responseTemplates"]!.DeepClone();
        }

        return response;
    }

    private static JsonObject Default(string type)
    {
        var rules = ServiceRules.Default;
        var response = new JsonObject { ["responseType"] = type };
        if (rules.GatewayResponseStatusCodes.GetValueOrDefault(type) is { } statusCode)
        {
            response["statusCode"] = statusCode;
        }

        response["responseParameters"] = new JsonObject();
        response["responseTemplates"] = DefaultTemplates();
        response["defaultResponse"] = true;
        return response;
    }

    /// <summary>The templates of a response not given any: the service's default body.</summary>
    internal static JsonObject DefaultTemplates() =>
        new(ServiceRules.Default.GatewayResponseTemplates.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

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
        response["responseTemplates"] = input.Map("responseTemplates")?.DeepClone() ?? DefaultTemplates();
        response["defaultResponse"] = false;
        CheckValues(response);
        Check(response);
        Customized(restApi)[type] = response;
        return response.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var type = Type(input);
        var current = Current(restApi, type);
        var operations = PatchOperation.Read(input);
        foreach (var operation in operations)
        {
            CheckPatch(current, operation);
        }

        var updated = Rules.Apply(current, operations);
        updated["defaultResponse"] = false;
        Check(updated);
        Customized(restApi)[type] = updated;
        return updated.DeepClone().AsObject();
    }

    // The service's own answers to patches it refuses (recorded from AWS); the patch paths table refuses undocumented paths and ops.
    private static void CheckPatch(JsonObject response, PatchOperation operation)
    {
        PatchRules.Find("gatewayResponse", operation);
        var segments = operation.Segments;
        var map = segments is ["responseParameters" or "responseTemplates", _] ? segments[0] : null;

        if (map is not null && operation.Op is ("add" or "replace") && string.IsNullOrEmpty(operation.Value))
        {
            throw ServiceErrors.BadRequest("emptyGatewayResponseValue", ("map", map));
        }

        if (map is not null && operation.Op is ("replace" or "remove") && response[map]?[segments[1]] is null)
        {
            throw ServiceErrors.NotFound("gatewayResponseParameterNotFound");
        }
    }

    // Put takes the maps whole; the service refuses an empty value in them as it does in a patch.
    private static void CheckValues(JsonObject response)
    {
        foreach (var map in new[] { "responseParameters", "responseTemplates" })
        {
            if (response[map] is JsonObject values && values.Any(v => string.IsNullOrEmpty(v.Value?.ToString())))
            {
                throw ServiceErrors.BadRequest("emptyGatewayResponseValue", ("map", map));
            }
        }
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
