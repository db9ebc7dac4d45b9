using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Kind = Petard.Local.Patching.PatchRules.ScalarKind;

namespace Petard.Local.Operations;

/// <summary>Authorizers of a rest API (TOKEN, REQUEST, COGNITO_USER_POOLS), and TestInvokeAuthorizer.</summary>
internal static class AuthorizerOperations
{
    private const int DefaultTtlSeconds = 300;
    private const int MaxTtlSeconds = 3600;
    private const string HeaderSource = "method.request.header.";

    private static readonly PatchRules Rules = new PatchRules()
        .Scalar("name").Scalar("type").Scalar("authType").Scalar("authorizerUri").Scalar("authorizerCredentials")
        .Scalar("identitySource").Scalar("identityValidationExpression").Scalar("authorizerResultTtlInSeconds", Kind.Integer)
        .Custom(PatchProviderArns);

    public static void Register(OperationTable table)
    {
        table.Add("CreateAuthorizer", Create);
        table.Add("GetAuthorizer", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required("authorizerId")).DeepClone().AsObject());
        table.Add("GetAuthorizers", (input, state) => Paging.Page(Authorizers(state.RestApi(input.Required("restApiId"))).Select(kv => kv.Value!), input));
        table.Add("UpdateAuthorizer", Update);
        table.Add("DeleteAuthorizer", Delete);
        table.Add("TestInvokeAuthorizer", TestInvoke);
    }

    public static JsonObject Authorizers(JsonObject restApi) => GatewayState.Collection(restApi, "authorizers");

    public static JsonObject Get(JsonObject restApi, string id) =>
        Authorizers(restApi)[id] as JsonObject ?? throw ServiceErrors.NotFound("authorizerNotFound");

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var authorizers = Authorizers(restApi);
        var authorizer = new JsonObject
        {
            ["id"] = IdGenerator.Unique(IdGenerator.ShortId, authorizers.ContainsKey),
            ["name"] = input.Required("name"),
            ["type"] = ServiceErrors.Enum(input, "type") ?? throw OperationInput.MissingMember("type"),
        };
        Stored.Copy(input, authorizer, "providerARNs", "authType", "authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression");
        authorizer["authorizerResultTtlInSeconds"] = input.Int("authorizerResultTtlInSeconds") ?? DefaultTtlSeconds;
        Check(authorizer);
        authorizers[authorizer["id"]!.GetValue<string>()] = authorizer;
        return authorizer.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("authorizerId");
        var updated = Rules.Apply(Get(restApi, id), PatchOperation.Read(input));
        Check(updated);
        Authorizers(restApi)[id] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required("authorizerId");
        var authorizer = Get(restApi, id);
        if (MethodReferences.Find(restApi, m => m["authorizerId"]?.GetValue<string>() == id) is { } method)
        {
            throw ServiceErrors.BadRequest("authorizerInUse", ("name", authorizer["name"]!.GetValue<string>()), ("method", method));
        }

        Authorizers(restApi).Remove(id);
        return OperationResult.Empty;
    }

    // The rules the service applies on create and after every update: what each type needs.
    private static void Check(JsonObject authorizer)
    {
        var type = authorizer["type"]?.GetValue<string>() ?? string.Empty;
        ServiceErrors.CheckEnum("AuthorizerType", "type", type);
        var identitySource = authorizer["identitySource"]?.GetValue<string>();
        var ttl = authorizer["authorizerResultTtlInSeconds"]?.GetValue<int>() ?? DefaultTtlSeconds;
        if (ttl is < 0 or > MaxTtlSeconds)
        {
            throw ServiceErrors.BadRequest("invalidAuthorizerTtl", ("value", ttl));
        }

        if (type == "COGNITO_USER_POOLS")
        {
            if (authorizer["providerARNs"] is not JsonArray { Count: > 0 })
            {
                throw ServiceErrors.BadRequest("providerArnsRequired");
            }
        }
        else if (string.IsNullOrEmpty(authorizer["authorizerUri"]?.GetValue<string>()))
        {
            throw ServiceErrors.BadRequest("authorizerUriRequired", ("type", type));
        }

        // A REQUEST authorizer without caching may have no identity source; the others always read one.
        if (string.IsNullOrEmpty(identitySource) && (type != "REQUEST" || ttl > 0))
        {
            throw ServiceErrors.BadRequest("identitySourceRequired", ("type", type));
        }

        if (type is "TOKEN" or "COGNITO_USER_POOLS" && identitySource is not null
            && (!identitySource.StartsWith(HeaderSource, StringComparison.Ordinal) || identitySource.Length == HeaderSource.Length || identitySource.Contains(',', StringComparison.Ordinal)))
        {
            throw ServiceErrors.BadRequest("invalidIdentitySource", ("value", identitySource));
        }
    }

    // "/providerARNs" with add/remove and one ARN as the value.
    private static bool PatchProviderArns(JsonObject authorizer, PatchOperation operation)
    {
        if (operation.Path != "/providerARNs" || operation.Op is not ("add" or "remove") || string.IsNullOrEmpty(operation.Value))
        {
            return false;
        }

        if (authorizer["providerARNs"] is not JsonArray arns)
        {
            arns = [];
            authorizer["providerARNs"] = arns;
        }

        var existing = arns.FirstOrDefault(a => a?.GetValue<string>() == operation.Value);
        if (operation.Op == "add" && existing is null)
        {
            arns.Add(operation.Value);
        }
        else if (operation.Op == "remove" && existing is not null)
        {
            arns.Remove(existing);
        }

        return true;
    }

    /// <summary>
    /// Runs the authorizer on a test request as the console does. The identity is read as the data
    /// plane reads it; calling the authorizer's Lambda function is left to the data plane, so a
    /// present identity answers the service's configuration-error result.
    /// </summary>
    private static OperationResult TestInvoke(OperationInput input, GatewayState state)
    {
        var authorizer = Get(state.RestApi(input.Required("restApiId")), input.Required("authorizerId"));
        var identitySource = authorizer["identitySource"]?.GetValue<string>() ?? string.Empty;
        var headers = input.Map("headers") ?? [];
        var missing = identitySource.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith(HeaderSource, StringComparison.Ordinal))
            .Select(s => s[HeaderSource.Length..])
            .Where(name => !headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(h.Value?.ToString())))
            .ToList();
        var name = authorizer["name"]!.GetValue<string>();
        if (missing.Count > 0)
        {
            return new JsonObject
            {
                ["clientStatus"] = 401,
                ["log"] = $"Execution log for authorizer {name}: the identity source {string.Join(", ", missing)} is missing or empty; Unauthorized.",
                ["latency"] = 0,
            };
        }

        return new JsonObject
        {
            ["clientStatus"] = 500,
            ["log"] = $"Execution log for authorizer {name}: Execution failed due to configuration error: Petard.LocalGateway does not invoke the authorizer's function ({authorizer["authorizerUri"] ?? "Cognito user pool"}) from TestInvokeAuthorizer.",
            ["latency"] = 0,
        };
    }
}
