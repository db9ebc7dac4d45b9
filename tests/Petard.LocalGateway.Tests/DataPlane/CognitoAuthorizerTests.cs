using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Petard.Local.Tests.DataPlane;

/// <summary>COGNITO_USER_POOLS authorizers verify a JWT against the pool's JWKS file (<c>--cognito-jwks POOL=FILE</c>).</summary>
public sealed class CognitoAuthorizerTests : DataPlaneTestBase, IDisposable
{
    private const string Pool = "us-east-1_AbCdEf123";
    private const string Issuer = "https://cognito-idp.us-east-1.amazonaws.com/" + Pool;

    private readonly RSA key = RSA.Create(2048);
    private readonly RSA otherKey = RSA.Create(2048);
    private readonly string jwksFile = Path.Combine(Path.GetTempPath(), $"petard-jwks-{Guid.NewGuid():N}.json");

    public CognitoAuthorizerTests()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        File.WriteAllText(jwksFile, new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["kid"] = "key-1", ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!) }),
        }.ToJsonString());
    }

    public void Dispose()
    {
        File.Delete(jwksFile);
        key.Dispose();
        otherKey.Dispose();
    }

    protected override void ConfigureOptions(LocalGatewayOptions options) => options.CognitoJwks[Pool] = jwksFile;

    [Theory]
    [InlineData("valid", 200)]
    [InlineData("bearer", 200)]
    [InlineData("no header", 401)]
    [InlineData("expired", 401)]
    [InlineData("other issuer", 401)]
    [InlineData("other key", 401)]
    [InlineData("unknown kid", 401)]
    [InlineData("not a jwt", 401)]
    [InlineData("tampered", 401)]
    public async Task A_token_must_be_signed_by_the_pool_issued_by_it_and_unexpired(string situation, int status)
    {
        var apiId = await DeployCognitoAsync();
        var token = situation switch
        {
            "expired" => Token(DateTimeOffset.UtcNow.AddMinutes(-1)),
            "other issuer" => Token(issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other"),
            "other key" => Token(signer: otherKey),
            "unknown kid" => Token(kid: "key-2"),
            "not a jwt" => "abc",
            "tampered" => Tamper(Token()),
            "bearer" => "Bearer " + Token(),
            _ => Token(),
        };
        var headers = situation == "no header" ? null : new Dictionary<string, string> { ["Authorization"] = token };

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/me"), headers: headers);

        Assert.Equal(status, answer.Status);
        Assert.Equal(status == 200 ? """{"sub": "user-1", "email": "ann@example.com"}""" : """{"message":"Unauthorized"}""", answer.Body);
    }

    [Theory]
    [InlineData("id", "", 401)]
    [InlineData("access", "orders/read", 200)]
    [InlineData("access", "orders/write", 401)]
    public async Task A_method_with_scopes_needs_an_access_token_with_one(string tokenUse, string scope, int status)
    {
        var apiId = await DeployCognitoAsync(scopes: true);

        var answer = await CallAsync("GET", InvokeUrl(apiId, "/me"), headers: new Dictionary<string, string> { ["Authorization"] = Token(tokenUse: tokenUse, scope: scope) });

        Assert.Equal(status, answer.Status);
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 401)]
    public async Task TestInvokeAuthorizer_verifies_the_token_and_answers_its_claims(bool expired, int clientStatus)
    {
        var apiId = await DeployCognitoAsync();
        var authorizer = Assert.Single((await Client.InvokeAsync("GetAuthorizers", new { restApiId = apiId })).Items);
        var token = expired ? Token(DateTimeOffset.UtcNow.AddMinutes(-1)) : Token();

        var answer = await Client.InvokeAsync("TestInvokeAuthorizer", new { restApiId = apiId, authorizerId = authorizer.Id, headers = new Dictionary<string, string> { ["Authorization"] = token } });

        Assert.Equal(clientStatus, answer["clientStatus"].GetInt32());
        Assert.Equal(expired ? null : "user-1", answer.Has("claims") ? answer["claims"].GetProperty("sub").GetString() : null);
    }

    [Fact]
    public void A_missing_jwks_file_is_a_startup_error_that_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"petard-missing-{Guid.NewGuid():N}.json");
        var options = GatewayHost.ParseArguments(["--cognito-jwks", $"{Pool}={missing}"])!;

        var error = Assert.ThrowsAsync<InvalidDataException>(() => LocalGateway.StartAsync(options)).GetAwaiter().GetResult();

        Assert.Equal(missing, options.CognitoJwks[Pool]);
        Assert.Throws<FormatException>(() => GatewayHost.ParseArguments(["--cognito-jwks", "no-file-given"]));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private async Task<string> DeployCognitoAsync(bool scopes = false)
    {
        var apiId = await DeployAsync(Api($"""
              /me:
            {Mock("get", """{"sub": "$context.authorizer.claims.sub", "email": "$context.authorizer.claims.email"}""")}
            """));
        var authorizer = await Client.InvokeAsync("CreateAuthorizer", new
        {
            restApiId = apiId,
            name = "pool",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { $"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{Pool}" },
            identitySource = "method.request.header.Authorization",
        });
        var operations = new List<(string, string, string?)> { ("replace", "/authorizationType", "COGNITO_USER_POOLS"), ("replace", "/authorizerId", authorizer.Id) };
        if (scopes)
        {
            operations.Add(("add", "/authorizationScopes/orders~1read", null));
        }

        await MethodSetup.PatchAndRedeployAsync(Client, apiId, "/me", "GET", [.. operations]);
        return apiId;
    }

    private string Token(DateTimeOffset? expires = null, string issuer = Issuer, RSA? signer = null, string kid = "key-1", string tokenUse = "id", string scope = "")
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = kid };
        var claims = new JsonObject
        {
            ["sub"] = "user-1",
            ["email"] = "ann@example.com",
            ["iss"] = issuer,
            ["token_use"] = tokenUse,
            ["exp"] = (expires ?? DateTimeOffset.UtcNow.AddHours(1)).ToUnixTimeSeconds(),
        };
        if (scope.Length > 0)
        {
            claims["scope"] = scope;
        }

        var signed = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = (signer ?? key).SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    // The same signature over claims that say someone else.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Convert.FromBase64String(Pad(parts[1])))!;
        claims["sub"] = "admin";
        return parts[0] + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString())) + "." + parts[2];
    }

    private static string Pad(string part) => part.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (part.Length % 4)) % 4);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
