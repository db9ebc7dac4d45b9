using System.Net;

namespace Petard.Local.Tests;

/// <summary>Authorizers: CRUD, the rules each type follows, and an authorizer in use.</summary>
public sealed class AuthorizerTests : GatewayTestBase
{
    private const string LambdaUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    [Fact]
    public async Task A_token_authorizer_has_full_crud_with_the_service_defaults()
    {
        var apiId = await CreateApiAsync();
        var created = await Client.InvokeAsync("CreateAuthorizer", new { restApiId = apiId, name = "tokens", type = "TOKEN", authorizerUri = LambdaUri, identitySource = "method.request.header.Authorization" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[a-z0-9]{6}$", created.Id);
        Assert.False(created.Has("authorizerResultTtlInSeconds")); // AWS answers no TTL it was not given

        var updated = await Client.InvokeAsync("UpdateAuthorizer", new
        {
            restApiId = apiId,
            authorizerId = created.Id,
            patchOperations = new[] { new { op = "replace", path = "/authorizerResultTtlInSeconds", value = "0" }, new { op = "replace", path = "/name", value = "renamed" } },
        });
        Assert.Equal(0, updated["authorizerResultTtlInSeconds"].GetInt32());
        Assert.Equal("renamed", (await Client.InvokeAsync("GetAuthorizer", new { restApiId = apiId, authorizerId = created.Id })).GetString("name"));
        Assert.Single((await Client.InvokeAsync("GetAuthorizers", new { restApiId = apiId })).Items);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteAuthorizer", new { restApiId = apiId, authorizerId = created.Id })).StatusCode);
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetAuthorizer", new { restApiId = apiId, authorizerId = created.Id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
        Assert.Equal("Invalid Authorizer identifier specified", gone.ServiceMessage);
    }

    [Theory]
    [InlineData("FOO", null, "method.request.header.Authorization", null, "1 validation error detected: Value 'FOO' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]")]
    [InlineData("TOKEN", null, "method.request.header.Authorization", null, "Authorizer URI is required")]
    [InlineData("TOKEN", LambdaUri, "method.request.querystring.token", null, "Invalid identity source")]
    [InlineData("TOKEN", LambdaUri, null, null, "Identity source is required")]
    [InlineData("COGNITO_USER_POOLS", null, "method.request.header.Authorization", null, "ProviderARNs must be specified")]
    [InlineData("TOKEN", LambdaUri, "method.request.header.Authorization", 3601, "between 0 and 3600")]
    public async Task An_authorizer_the_service_refuses_is_a_400(string type, string? uri, string? identitySource, int? ttl, string expected)
    {
        var apiId = await CreateApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateAuthorizer", new Dictionary<string, object?>
        {
            ["restApiId"] = apiId,
            ["name"] = "auth",
            ["type"] = type,
            ["authorizerUri"] = uri,
            ["identitySource"] = identitySource,
            ["authorizerResultTtlInSeconds"] = ttl,
        }.Where(kv => kv.Value is not null).ToDictionary()));
        Assert.Equal(type == "FOO" ? "ValidationException" : "BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_on_an_unknown_api_answers_the_conflict_AWS_answers()
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateAuthorizer", new { restApiId = "nope000000", name = "auth", type = "TOKEN", authorizerUri = LambdaUri, identitySource = "method.request.header.Authorization" }));
        Assert.Equal("ConflictException", error.ErrorType);
        Assert.Equal("Unable to complete operation due to concurrent modification. Please try again later.", error.ServiceMessage);
    }

    [Fact]
    public async Task A_cognito_authorizer_takes_provider_arns_and_cannot_be_deleted_while_a_method_uses_it()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var cognito = await Client.InvokeAsync("CreateAuthorizer", new
        {
            restApiId = apiId,
            name = "users",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc" },
            identitySource = "method.request.header.Authorization",
        });
        await Client.InvokeAsync("UpdateMethod", new
        {
            restApiId = apiId,
            resourceId = rootId,
            httpMethod = "GET",
            patchOperations = new[] { new { op = "replace", path = "/authorizationType", value = "COGNITO_USER_POOLS" }, new { op = "replace", path = "/authorizerId", value = cognito.Id! } },
        });

        var inUse = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("DeleteAuthorizer", new { restApiId = apiId, authorizerId = cognito.Id }));
        Assert.Equal("BadRequestException", inUse.ErrorType);
        Assert.StartsWith("Cannot delete authorizer 'users', is referenced in method: ", inUse.ServiceMessage, StringComparison.Ordinal);

        var second = await Client.InvokeAsync("UpdateAuthorizer", new
        {
            restApiId = apiId,
            authorizerId = cognito.Id,
            patchOperations = new[] { new { op = "add", path = "/providerARNs", value = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_def" } },
        });
        Assert.Equal(2, second["providerARNs"].GetArrayLength());
        await Client.InvokeAsync("UpdateAuthorizer", new
        {
            restApiId = apiId,
            authorizerId = cognito.Id,
            patchOperations = new[] { new { op = "remove", path = "/providerARNs", value = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_def" } },
        });

        var noArns = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateAuthorizer", new
        {
            restApiId = apiId,
            authorizerId = cognito.Id,
            patchOperations = new[] { new { op = "remove", path = "/providerARNs", value = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc" } },
        }));
        Assert.Contains("ProviderARNs", noArns.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestInvokeAuthorizer_answers_401_without_the_identity_and_reports_the_function_it_cannot_call()
    {
        var apiId = await CreateApiAsync();
        var created = await Client.InvokeAsync("CreateAuthorizer", new { restApiId = apiId, name = "tokens", type = "TOKEN", authorizerUri = LambdaUri, identitySource = "method.request.header.Authorization" });

        var missing = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId = created.Id });
        Assert.Equal(401, missing["clientStatus"].GetInt32());
        var present = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId = created.Id, headers = new Dictionary<string, string> { ["Authorization"] = "allow" } });
        Assert.Equal(500, present["clientStatus"].GetInt32());
        Assert.Contains("configuration error", present.GetString("log"), StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId = "nope00" }));
        Assert.Equal("NotFoundException", unknown.ErrorType);
    }
}
