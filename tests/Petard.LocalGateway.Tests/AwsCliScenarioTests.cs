using System.Text.Json.Nodes;

namespace Petard.Local.Tests;

/// <summary>The real AWS CLI against the emulator, with signature verification on: proof that it speaks the wire protocol.</summary>
public sealed class AwsCliScenarioTests : GatewayTestBase
{
    private const string Key = "AKIDCLISCENARIO";
    private const string Secret = "cli-scenario-secret";

    protected override LocalGatewayOptions Options => new() { VerifySignatures = new SigningKey(Key, Secret) };

    [SkippableFact]
    public async Task The_AWS_CLI_creates_deploys_updates_pages_exports_and_deletes_an_api()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);

        var api = (await aws.RunAsync("create-rest-api", "--name", "cli-scenario", "--description", "made by the CLI")).Ok();
        var apiId = api["id"]!.GetValue<string>();
        Assert.Matches("^[a-z0-9]{10}$", apiId);
        Assert.Equal("cli-scenario", api["name"]!.GetValue<string>());

        var root = (await aws.RunAsync("get-resources", "--rest-api-id", apiId)).Ok()["items"]!.AsArray().Single()!;
        Assert.Equal("/", root["path"]!.GetValue<string>());
        var pets = (await aws.RunAsync("create-resource", "--rest-api-id", apiId, "--parent-id", root["id"]!.GetValue<string>(), "--path-part", "pets")).Ok();
        Assert.Equal("/pets", pets["path"]!.GetValue<string>());
        var pet = (await aws.RunAsync("create-resource", "--rest-api-id", apiId, "--parent-id", pets["id"]!.GetValue<string>(), "--path-part", "{petId}")).Ok();
        Assert.Equal("/pets/{petId}", pet["path"]!.GetValue<string>());

        var petsId = pets["id"]!.GetValue<string>();
        var petId = pet["id"]!.GetValue<string>();
        Assert.Equal("GET", (await aws.RunAsync("put-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET", "--authorization-type", "NONE")).Ok()["httpMethod"]!.GetValue<string>());
        var mock = (await aws.RunAsync("put-integration", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET", "--type", "MOCK", "--request-templates", "{\"application/json\": \"{\\\"statusCode\\\": 200}\"}")).Ok();
        Assert.Equal("MOCK", mock["type"]!.GetValue<string>());
        var method = (await aws.RunAsync("put-method", "--rest-api-id", apiId, "--resource-id", petId, "--http-method", "GET", "--authorization-type", "NONE", "--request-parameters", "method.request.path.petId=true")).Ok();
        Assert.True(method["requestParameters"]!["method.request.path.petId"]!.GetValue<bool>());
        var proxy = (await aws.RunAsync("put-integration", "--rest-api-id", apiId, "--resource-id", petId, "--http-method", "GET", "--type", "HTTP_PROXY", "--integration-http-method", "GET", "--uri", "https://example.com/pets/{petId}")).Ok();
        Assert.Equal("https://example.com/pets/{petId}", proxy["uri"]!.GetValue<string>());

        var deployment = (await aws.RunAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "dev", "--description", "first", "--variables", "backend=example.com")).Ok();
        Assert.Matches("^[a-z0-9]{6}$", deployment["id"]!.GetValue<string>());

        var stage = (await aws.RunAsync("update-stage", "--rest-api-id", apiId, "--stage-name", "dev", "--patch-operations",
            "op=replace,path=/variables/backend,value=v2.example.com",
            "op=add,path=/variables/color,value=blue",
            "op=replace,path=/*/*/logging/loglevel,value=INFO")).Ok();
        Assert.Equal("v2.example.com", stage["variables"]!["backend"]!.GetValue<string>());
        Assert.Equal("blue", stage["variables"]!["color"]!.GetValue<string>());
        Assert.Equal("INFO", stage["methodSettings"]!["*/*"]!["loggingLevel"]!.GetValue<string>());
        var read = (await aws.RunAsync("get-stage", "--rest-api-id", apiId, "--stage-name", "dev")).Ok();
        Assert.Equal(deployment["id"]!.GetValue<string>(), read["deploymentId"]!.GetValue<string>());
        Assert.Equal("blue", read["variables"]!["color"]!.GetValue<string>());

        await AssertPagingAsync(aws);
        await AssertExportsAsync(aws, apiId);

        (await aws.RunAsync("delete-rest-api", "--rest-api-id", apiId)).Ok();
        var gone = await aws.RunAsync("get-rest-api", "--rest-api-id", apiId);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFoundException", gone.Error, StringComparison.Ordinal);
    }

    private async Task AssertPagingAsync(AwsCli aws)
    {
        for (var i = 0; i < 3; i++)
        {
            (await aws.RunAsync("create-rest-api", "--name", $"extra{i}")).Ok();
        }

        Gateway.Calls.Clear();
        var all = (await aws.RunAsync("get-rest-apis", "--page-size", "1")).Ok();
        Assert.Equal(["cli-scenario", "extra0", "extra1", "extra2"], all["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(4, Gateway.Calls.CountOf("GetRestApis")); // the CLI followed position over four pages

        var firstTwo = (await aws.RunAsync("get-rest-apis", "--page-size", "1", "--max-items", "2")).Ok();
        Assert.Equal(2, firstTwo["items"]!.AsArray().Count);
        var rest = (await aws.RunAsync("get-rest-apis", "--page-size", "1", "--starting-token", firstTwo["NextToken"]!.GetValue<string>())).Ok();
        Assert.Equal(["extra1", "extra2"], rest["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
    }

    private static async Task AssertExportsAsync(AwsCli aws, string apiId)
    {
        var yamlFile = Path.Combine(aws.Folder, "export.yaml");
        var yamlExport = (await aws.RunAsync("get-export", "--rest-api-id", apiId, "--stage-name", "dev", "--export-type", "oas30", "--accepts", "application/yaml", yamlFile)).Ok();
        Assert.Equal("application/yaml", yamlExport["contentType"]!.GetValue<string>());
        var yaml = await File.ReadAllTextAsync(yamlFile);
        Assert.Contains("openapi: 3.0.1", yaml, StringComparison.Ordinal);
        Assert.Contains("/pets/{petId}:", yaml, StringComparison.Ordinal);

        var jsonFile = Path.Combine(aws.Folder, "export.json");
        (await aws.RunAsync("get-export", "--rest-api-id", apiId, "--stage-name", "dev", "--export-type", "swagger", "--parameters", "extensions=integrations", jsonFile)).Ok();
        var swagger = JsonNode.Parse(await File.ReadAllTextAsync(jsonFile))!;
        Assert.Equal("2.0", swagger["swagger"]!.GetValue<string>());
        Assert.Equal("/dev", swagger["basePath"]!.GetValue<string>());
        Assert.Equal("http_proxy", swagger["paths"]!["/pets/{petId}"]!["get"]!["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_AWS_CLI_manages_authorizers_validators_gateway_responses_tags_and_usage_plans()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);
        var apiId = (await aws.RunAsync("create-rest-api", "--name", "cli-extras", "--tags", "team=orders")).Ok()["id"]!.GetValue<string>();

        var authorizer = (await aws.RunAsync("create-authorizer", "--rest-api-id", apiId, "--name", "tokens", "--type", "TOKEN",
            "--authorizer-uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",
            "--identity-source", "method.request.header.Authorization")).Ok();
        Assert.Null(authorizer["authorizerResultTtlInSeconds"]);
        var authorizerId = authorizer["id"]!.GetValue<string>();
        (await aws.RunAsync("update-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId, "--patch-operations", "op=replace,path=/authorizerResultTtlInSeconds,value=60")).Ok();
        Assert.Equal(60, (await aws.RunAsync("get-authorizers", "--rest-api-id", apiId)).Ok()["items"]!.AsArray().Single()!["authorizerResultTtlInSeconds"]!.GetValue<int>());
        var badType = await aws.RunAsync("create-authorizer", "--rest-api-id", apiId, "--name", "x", "--type", "COGNITO_USER_POOLS", "--identity-source", "method.request.header.Authorization");
        Assert.NotEqual(0, badType.ExitCode);
        Assert.Contains("BadRequestException", badType.Error, StringComparison.Ordinal);

        var validator = (await aws.RunAsync("create-request-validator", "--rest-api-id", apiId, "--name", "all", "--validate-request-body", "--validate-request-parameters")).Ok();
        Assert.True(validator["validateRequestBody"]!.GetValue<bool>());
        (await aws.RunAsync("delete-request-validator", "--rest-api-id", apiId, "--request-validator-id", validator["id"]!.GetValue<string>())).Ok();
        Assert.Empty((await aws.RunAsync("get-request-validators", "--rest-api-id", apiId)).Ok()["items"]!.AsArray());

        var responses = (await aws.RunAsync("get-gateway-responses", "--rest-api-id", apiId)).Ok()["items"]!.AsArray();
        Assert.Equal(21, responses.Count); // a default for every response type
        var put = (await aws.RunAsync("put-gateway-response", "--rest-api-id", apiId, "--response-type", "UNAUTHORIZED", "--status-code", "401",
            "--response-templates", "{\"application/json\": \"{\\\"error\\\": \\\"unauthorized\\\"}\"}")).Ok();
        Assert.False(put["defaultResponse"]!.GetValue<bool>());
        Assert.Equal("{\"error\": \"unauthorized\"}", (await aws.RunAsync("get-gateway-response", "--rest-api-id", apiId, "--response-type", "UNAUTHORIZED")).Ok()["responseTemplates"]!["application/json"]!.GetValue<string>());

        var arn = $"arn:aws:apigateway:us-east-1::/restapis/{apiId}";
        (await aws.RunAsync("tag-resource", "--resource-arn", arn, "--tags", "env=dev")).Ok();
        var tags = (await aws.RunAsync("get-tags", "--resource-arn", arn)).Ok()["tags"]!;
        Assert.Equal("orders", tags["team"]!.GetValue<string>());
        Assert.Equal("dev", tags["env"]!.GetValue<string>());
        (await aws.RunAsync("untag-resource", "--resource-arn", arn, "--tag-keys", "team")).Ok();
        Assert.Null((await aws.RunAsync("get-tags", "--resource-arn", arn)).Ok()["tags"]!["team"]);

        await AssertUsagePlansAsync(aws);
    }

    private static async Task AssertUsagePlansAsync(AwsCli aws)
    {
        var plan = (await aws.RunAsync("create-usage-plan", "--name", "gold", "--quota", "limit=100,period=DAY", "--throttle", "burstLimit=10,rateLimit=5")).Ok();
        var planId = plan["id"]!.GetValue<string>();
        var key = (await aws.RunAsync("create-api-key", "--name", "partner", "--enabled")).Ok();
        var keyId = key["id"]!.GetValue<string>();
        (await aws.RunAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY")).Ok();
        var patched = (await aws.RunAsync("update-usage-plan", "--usage-plan-id", planId, "--patch-operations", "op=replace,path=/quota/limit,value=50")).Ok();
        Assert.Equal(50, patched["quota"]!["limit"]!.GetValue<int>());

        var usage = (await aws.RunAsync("get-usage", "--usage-plan-id", planId, "--start-date", "2026-01-01", "--end-date", "2026-01-02")).Ok();
        Assert.Equal(2, usage["items"]![keyId]!.AsArray().Count); // the CLI reads the wire's "values" as "items"
        var updated = (await aws.RunAsync("update-usage", "--usage-plan-id", planId, "--key-id", keyId, "--patch-operations", "op=replace,path=/remaining,value=7")).Ok();
        Assert.Equal(7, updated["items"]![keyId]![0]![1]!.GetValue<int>());
        var backwards = await aws.RunAsync("get-usage", "--usage-plan-id", planId, "--start-date", "2026-01-02", "--end-date", "2026-01-01");
        Assert.Contains("BadRequestException", backwards.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_AWS_CLI_with_a_wrong_secret_is_refused_and_the_error_reaches_the_user()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, "wrong-secret");

        var result = await aws.RunAsync("create-rest-api", "--name", "nope");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("InvalidSignatureException", result.Error, StringComparison.Ordinal);
        Assert.Empty(Gateway.Snapshot()["restApis"]!.AsObject());
    }
}
