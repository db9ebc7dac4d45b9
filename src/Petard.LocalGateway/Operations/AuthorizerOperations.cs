using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Authorizers of a rest API (TOKEN, REQUEST, COGNITO_USER_POOLS) and the rules each type follows.</summary>
internal static class AuthorizerOperations
{
    private const int DefaultTtlSeconds = 300;
    private const int MaxTtlSeconds = 3600;
    public const string HeaderSource = "method.request.header.";

    private static readonly PatchRules Rules = PatchRules.For("authorizer");

    private static readonly ApiChildren Authorizers = new("authorizers", "authorizerId", "authorizerNotFound", "authorizerInUse");

    public static JsonObject Get(JsonObject restApi, string id) => Authorizers.Get(restApi, id);

    public static void Register(OperationTable table)
    {
        table.Add("CreateAuthorizer", Create);
        Authorizers.Register(table, "Authorizer", Rules, Check);
    }

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        // Recorded from AWS: creating on an unknown API answers a concurrent-modification conflict.
        var restApi = state.RestApis[input.Required("restApiId")] as JsonObject ?? throw ServiceErrors.Conflict("authorizerUnknownApi");
        var authorizers = Authorizers.All(restApi);
        var authorizer = new JsonObject
        {
            ["id"] = IdGenerator.Unique(IdGenerator.ShortId, authorizers.ContainsKey),
            ["name"] = input.Required("name"),
            ["type"] = ServiceErrors.Enum(input, "type") ?? throw OperationInput.MissingMember("type"),
        };
        // Recorded from AWS: a TTL not given is not answered (the service caches for 300 seconds then).
        Stored.Copy(input, authorizer, "providerARNs", "authType", "authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds");
        Check(authorizer);
        authorizers[authorizer["id"]!.GetValue<string>()] = authorizer;
        return authorizer.DeepClone().AsObject();
    }

    // The rules the service applies on create and after every update: what each type needs.
    private static void Check(JsonObject authorizer)
    {
        var type = authorizer["type"]?.GetValue<string>() ?? string.Empty;
        ServiceErrors.CheckEnum("AuthorizerType", "createAuthorizerInput.type", type);
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
}
