using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Petard.Local.Tests.DataPlane;
using Petard.Model;

namespace Petard.Local.Tests;

/// <summary>The real AWS CLI against the emulator, with signature verification on: proof that it speaks the wire protocol.</summary>
public sealed class AwsCliScenarioTests : FunctionTestBase
{
    private const string Key = "AKIDCLISCENARIO";
    private const string Secret = "cli-scenario-secret";
    private const string AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
    private const string ApiKeyValue = "cli-scenario-api-key-0123456789";

    private readonly List<string> tokens = [];

    protected override void ConfigureOptions(LocalGatewayOptions options)
    {
        options.VerifySignatures = new SigningKey(Key, Secret);
        options.Lambdas["auth"] = Function.Url; // the authorizer function of the authorizer scenario
    }

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
        Assert.Matches("""^attachment; filename="oas30_\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.yaml"$""", yamlExport["contentDisposition"]!.GetValue<string>());
        var yaml = await File.ReadAllTextAsync(yamlFile);
        Assert.Contains("openapi: 3.0.1", yaml, StringComparison.Ordinal);
        Assert.Contains("/pets/{petId}:", yaml, StringComparison.Ordinal);

        var jsonFile = Path.Combine(aws.Folder, "export.json");
        var jsonExport = (await aws.RunAsync("get-export", "--rest-api-id", apiId, "--stage-name", "dev", "--export-type", "swagger", "--parameters", "extensions=integrations", jsonFile)).Ok();
        Assert.StartsWith("attachment; filename=\"swagger_", jsonExport["contentDisposition"]!.GetValue<string>(), StringComparison.Ordinal);
        var swagger = JsonNode.Parse(await File.ReadAllTextAsync(jsonFile))!;
        Assert.Equal("2.0", swagger["swagger"]!.GetValue<string>());
        Assert.Equal("/dev", swagger["basePath"]!.GetValue<string>());
        Assert.Equal("http_proxy", swagger["paths"]!["/pets/{petId}"]!["get"]!["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_AWS_CLI_imports_with_the_services_warnings_and_refusals()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);
        var warned = Path.Combine(aws.Folder, "warned.json");
        await File.WriteAllTextAsync(warned, """
            {"openapi": "3.0.1", "info": {"title": "Warned", "version": "1"}, "servers": [{"url": "https://a"}, {"url": "https://b"}],
             "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}
            """);
        var bad = Path.Combine(aws.Folder, "bad.json");
        await File.WriteAllTextAsync(bad, "{'key:value}");

        var refused = await aws.RunAsync("import-rest-api", "--body", $"fileb://{warned}", "--fail-on-warnings");
        Assert.Contains("(BadRequestException) when calling the ImportRestApi operation: Warnings found during import:\n\tMore than one server provided.", refused.Error, StringComparison.Ordinal);
        var imported = (await aws.RunAsync("import-rest-api", "--body", $"fileb://{warned}")).Ok();
        Assert.Equal("More than one server provided. Ignoring all but the first for defining endpoint configuration", imported["warnings"]![0]!.GetValue<string>());
        var apiId = imported["id"]!.GetValue<string>();
        var put = (await aws.RunAsync("put-rest-api", "--rest-api-id", apiId, "--mode", "overwrite", "--body", $"fileb://{warned}")).Ok();
        Assert.Single(put["warnings"]!.AsArray());
        var invalid = await aws.RunAsync("put-rest-api", "--rest-api-id", apiId, "--body", $"fileb://{bad}");
        Assert.Contains("(BadRequestException) when calling the PutRestApi operation: Invalid OpenAPI input.", invalid.Error, StringComparison.Ordinal);
        Assert.Single((await aws.RunAsync("get-rest-apis")).Ok()["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task The_AWS_CLI_creates_reads_updates_test_invokes_and_deletes_authorizers()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);
        var apiId = (await aws.RunAsync("create-rest-api", "--name", "cli-authorizers")).Ok()["id"]!.GetValue<string>();

        var authorizer = (await aws.RunAsync("create-authorizer", "--rest-api-id", apiId, "--name", "tokens", "--type", "TOKEN",
            "--authorizer-uri", AuthorizerUri, "--identity-source", "method.request.header.Authorization", "--identity-validation-expression", "^Bearer .+$")).Ok();
        Assert.Null(authorizer["authorizerResultTtlInSeconds"]);
        var authorizerId = authorizer["id"]!.GetValue<string>();
        var read = (await aws.RunAsync("get-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId)).Ok();
        Assert.Equal(AuthorizerUri, read["authorizerUri"]!.GetValue<string>());
        Assert.Equal("^Bearer .+$", read["identityValidationExpression"]!.GetValue<string>());
        var updated = (await aws.RunAsync("update-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId, "--patch-operations",
            "op=replace,path=/authorizerResultTtlInSeconds,value=60", "op=replace,path=/name,value=bearer")).Ok();
        Assert.Equal("bearer", updated["name"]!.GetValue<string>());
        Assert.Equal(60, (await aws.RunAsync("get-authorizers", "--rest-api-id", apiId)).Ok()["items"]!.AsArray().Single()!["authorizerResultTtlInSeconds"]!.GetValue<int>());

        var allowed = (await aws.RunAsync("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId, "--headers", "Authorization=Bearer good")).Ok();
        Assert.Equal(200, allowed["clientStatus"]!.GetValue<int>());
        Assert.Equal("user-1", allowed["principalId"]!.GetValue<string>());
        Assert.Equal("Allow", JsonNode.Parse(allowed["policy"]!.GetValue<string>())!["Statement"]![0]!["Effect"]!.GetValue<string>());
        var malformed = (await aws.RunAsync("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId, "--headers", "Authorization=Basic x")).Ok();
        Assert.Equal(401, malformed["clientStatus"]!.GetValue<int>()); // refused by the validation expression, the function never called
        Assert.Equal(["Bearer good"], tokens);

        var noPool = await aws.RunAsync("create-authorizer", "--rest-api-id", apiId, "--name", "pool", "--type", "COGNITO_USER_POOLS", "--identity-source", "method.request.header.Authorization");
        Assert.NotEqual(0, noPool.ExitCode);
        Assert.Contains("BadRequestException", noPool.Error, StringComparison.Ordinal);
        var pool = (await aws.RunAsync("create-authorizer", "--rest-api-id", apiId, "--name", "pool", "--type", "COGNITO_USER_POOLS",
            "--provider-arns", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc", "--identity-source", "method.request.header.Authorization")).Ok();
        Assert.Equal("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc", pool["providerARNs"]![0]!.GetValue<string>());

        (await aws.RunAsync("delete-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId)).Ok();
        var gone = await aws.RunAsync("get-authorizer", "--rest-api-id", apiId, "--authorizer-id", authorizerId);
        Assert.Contains("NotFoundException", gone.Error, StringComparison.Ordinal);
        Assert.Equal(["pool"], (await aws.RunAsync("get-authorizers", "--rest-api-id", apiId)).Ok()["items"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task The_AWS_CLI_manages_request_validators_and_gateway_responses()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);
        var apiId = (await aws.RunAsync("create-rest-api", "--name", "cli-validators")).Ok()["id"]!.GetValue<string>();

        var validator = (await aws.RunAsync("create-request-validator", "--rest-api-id", apiId, "--name", "all", "--validate-request-body", "--validate-request-parameters")).Ok();
        Assert.True(validator["validateRequestBody"]!.GetValue<bool>());
        var validatorId = validator["id"]!.GetValue<string>();
        var updated = (await aws.RunAsync("update-request-validator", "--rest-api-id", apiId, "--request-validator-id", validatorId, "--patch-operations",
            "op=replace,path=/validateRequestBody,value=false", "op=replace,path=/name,value=params")).Ok();
        Assert.False(updated["validateRequestBody"]!.GetValue<bool>());
        var read = (await aws.RunAsync("get-request-validator", "--rest-api-id", apiId, "--request-validator-id", validatorId)).Ok();
        Assert.Equal("params", read["name"]!.GetValue<string>());
        Assert.True(read["validateRequestParameters"]!.GetValue<bool>());
        (await aws.RunAsync("delete-request-validator", "--rest-api-id", apiId, "--request-validator-id", validatorId)).Ok();
        Assert.Empty((await aws.RunAsync("get-request-validators", "--rest-api-id", apiId)).Ok()["items"]!.AsArray());

        var defaults = (await aws.RunAsync("get-gateway-responses", "--rest-api-id", apiId)).Ok()["items"]!.AsArray();
        Assert.Equal(OperationModel.Default.EnumValues("GatewayResponseType").Order(StringComparer.Ordinal), defaults.Select(r => r!["responseType"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(defaults, r => Assert.True(r!["defaultResponse"]!.GetValue<bool>()));
        Assert.Null(defaults.Single(r => r!["responseType"]!.GetValue<string>() == "DEFAULT_4XX")!["statusCode"]);
        Assert.Equal("403", defaults.Single(r => r!["responseType"]!.GetValue<string>() == "MISSING_AUTHENTICATION_TOKEN")!["statusCode"]!.GetValue<string>());
        Assert.Equal("{\"message\":$context.error.messageString}", defaults[0]!["responseTemplates"]!["application/json"]!.GetValue<string>());

        var put = (await aws.RunAsync("put-gateway-response", "--rest-api-id", apiId, "--response-type", "UNAUTHORIZED", "--status-code", "401",
            "--response-templates", "{\"application/json\": \"{\\\"error\\\": \\\"unauthorized\\\"}\"}")).Ok();
        Assert.False(put["defaultResponse"]!.GetValue<bool>());
        Assert.Equal("{\"error\": \"unauthorized\"}", (await aws.RunAsync("get-gateway-response", "--rest-api-id", apiId, "--response-type", "UNAUTHORIZED")).Ok()["responseTemplates"]!["application/json"]!.GetValue<string>());
        var patched = (await aws.RunAsync("update-gateway-response", "--rest-api-id", apiId, "--response-type", "MISSING_AUTHENTICATION_TOKEN", "--patch-operations",
            "op=replace,path=/statusCode,value=404", "op=add,path=/responseParameters/gatewayresponse.header.X-Why,value='missing'")).Ok();
        Assert.Equal("404", patched["statusCode"]!.GetValue<string>());
        Assert.False(patched["defaultResponse"]!.GetValue<bool>());
        Assert.Equal("missing", patched["responseParameters"]!["gatewayresponse.header.X-Why"]!.GetValue<string>()); // the CLI's shorthand takes the quotes off
        (await aws.RunAsync("delete-gateway-response", "--rest-api-id", apiId, "--response-type", "MISSING_AUTHENTICATION_TOKEN")).Ok();
        var reverted = (await aws.RunAsync("get-gateway-response", "--rest-api-id", apiId, "--response-type", "MISSING_AUTHENTICATION_TOKEN")).Ok();
        Assert.Equal("403", reverted["statusCode"]!.GetValue<string>());
        Assert.True(reverted["defaultResponse"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task The_AWS_CLI_tags_on_create_and_tags_and_untags_resources()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);

        var api = (await aws.RunAsync("create-rest-api", "--name", "cli-tags", "--tags", "team=orders")).Ok();
        Assert.Equal("orders", api["tags"]!["team"]!.GetValue<string>());
        var arn = $"arn:aws:apigateway:us-east-1::/restapis/{api["id"]!.GetValue<string>()}";
        (await aws.RunAsync("tag-resource", "--resource-arn", arn, "--tags", "env=dev,owner=ops")).Ok();
        var tags = (await aws.RunAsync("get-tags", "--resource-arn", arn)).Ok()["tags"]!;
        Assert.Equal("""{"env":"dev","owner":"ops","team":"orders"}""", new JsonObject(tags.AsObject().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, t.Value?.DeepClone()))).ToJsonString());
        (await aws.RunAsync("untag-resource", "--resource-arn", arn, "--tag-keys", "team", "owner")).Ok();
        Assert.Equal("""{"env":"dev"}""", (await aws.RunAsync("get-tags", "--resource-arn", arn)).Ok()["tags"]!.ToJsonString());

        var plan = (await aws.RunAsync("create-usage-plan", "--name", "tagged", "--tags", "tier=gold")).Ok();
        var planArn = $"arn:aws:apigateway:us-east-1::/usageplans/{plan["id"]!.GetValue<string>()}";
        Assert.Equal("gold", (await aws.RunAsync("get-tags", "--resource-arn", planArn)).Ok()["tags"]!["tier"]!.GetValue<string>());
        var bad = await aws.RunAsync("tag-resource", "--resource-arn", "arn:aws:apigateway:us-east-1::/nothing/here", "--tags", "a=b");
        Assert.Contains("BadRequestException", bad.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_AWS_CLI_manages_usage_plans_and_reads_the_usage_the_data_plane_counted()
    {
        AwsCli.RequireInstalled();
        using var aws = new AwsCli(Gateway.Url, Key, Secret);
        var apiId = await KeyedApiAsync(aws, "dev", "prod");

        var plan = (await aws.RunAsync("create-usage-plan", "--name", "gold", "--description", "first",
            "--api-stages", $"apiId={apiId},stage=dev", "--throttle", "burstLimit=10,rateLimit=5", "--quota", "limit=100,offset=0,period=DAY")).Ok();
        var planId = plan["id"]!.GetValue<string>();
        Assert.Equal(5.0, plan["throttle"]!["rateLimit"]!.GetValue<double>());
        Assert.Equal("DAY", plan["quota"]!["period"]!.GetValue<string>());
        var patched = (await aws.RunAsync("update-usage-plan", "--usage-plan-id", planId, "--patch-operations",
            $"op=add,path=/apiStages,value={apiId}:prod", "op=replace,path=/throttle/rateLimit,value=7.5", "op=replace,path=/quota/limit,value=3",
            "op=replace,path=/quota/period,value=WEEK", "op=replace,path=/description,value=better")).Ok();
        Assert.Equal(["dev", "prod"], patched["apiStages"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Equal(7.5, patched["throttle"]!["rateLimit"]!.GetValue<double>());
        Assert.Equal("WEEK", patched["quota"]!["period"]!.GetValue<string>());
        Assert.Equal("better", patched["description"]!.GetValue<string>());
        var removed = (await aws.RunAsync("update-usage-plan", "--usage-plan-id", planId, "--patch-operations", $"op=remove,path=/apiStages,value={apiId}:dev")).Ok();
        Assert.Equal(["prod"], removed["apiStages"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));

        var keyId = (await aws.RunAsync("create-api-key", "--name", "partner", "--enabled", "--value", ApiKeyValue)).Ok()["id"]!.GetValue<string>();
        var planKey = (await aws.RunAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY")).Ok();
        Assert.Equal("API_KEY", planKey["type"]!.GetValue<string>());
        Assert.Equal(keyId, (await aws.RunAsync("get-usage-plan-keys", "--usage-plan-id", planId)).Ok()["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(["gold"], (await aws.RunAsync("get-usage-plans", "--key-id", keyId)).Ok()["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await CallAsync("GET", InvokeUrl(apiId, "/", "prod"), headers: new Dictionary<string, string> { ["x-api-key"] = ApiKeyValue })).Status);
        }

        Assert.Equal([200, 200, 200, 429], statuses); // the quota of 3 a week
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var usage = (await aws.RunAsync("get-usage", "--usage-plan-id", planId, "--start-date", today, "--end-date", today)).Ok();
        Assert.Equal("[[3,0]]", usage["items"]![keyId]!.ToJsonString()); // the CLI reads the wire's "values" as "items"
        var updated = (await aws.RunAsync("update-usage", "--usage-plan-id", planId, "--key-id", keyId, "--patch-operations", "op=replace,path=/remaining,value=1")).Ok();
        Assert.Equal("[[3,1]]", updated["items"]![keyId]!.ToJsonString());
        var again = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            again.Add((await CallAsync("GET", InvokeUrl(apiId, "/", "prod"), headers: new Dictionary<string, string> { ["x-api-key"] = ApiKeyValue })).Status);
        }

        Assert.Equal([200, 429], again); // the quota enforces the remaining UpdateUsage set
        Assert.Equal("[[4,0]]", (await aws.RunAsync("get-usage", "--usage-plan-id", planId, "--key-id", keyId, "--start-date", today, "--end-date", today)).Ok()["items"]![keyId]!.ToJsonString());
        var backwards = await aws.RunAsync("get-usage", "--usage-plan-id", planId, "--start-date", "2026-01-02", "--end-date", "2026-01-01");
        Assert.Contains("BadRequestException", backwards.Error, StringComparison.Ordinal);

        (await aws.RunAsync("delete-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId)).Ok();
        (await aws.RunAsync("update-usage-plan", "--usage-plan-id", planId, "--patch-operations", $"op=remove,path=/apiStages,value={apiId}:prod")).Ok();
        (await aws.RunAsync("delete-usage-plan", "--usage-plan-id", planId)).Ok();
        Assert.Empty((await aws.RunAsync("get-usage-plans")).Ok()["items"]!.AsArray());
    }

    // An API whose root GET needs an API key and answers 200 from a MOCK, deployed to the stages.
    private static async Task<string> KeyedApiAsync(AwsCli aws, params string[] stages)
    {
        var apiId = (await aws.RunAsync("create-rest-api", "--name", "cli-usage")).Ok()["id"]!.GetValue<string>();
        var rootId = (await aws.RunAsync("get-resources", "--rest-api-id", apiId)).Ok()["items"]![0]!["id"]!.GetValue<string>();
        string[] method = ["--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET"];
        (await aws.RunAsync(["put-method", .. method, "--authorization-type", "NONE", "--api-key-required"])).Ok();
        (await aws.RunAsync(["put-integration", .. method, "--type", "MOCK", "--request-templates", "{\"application/json\": \"{\\\"statusCode\\\": 200}\"}"])).Ok();
        (await aws.RunAsync(["put-method-response", .. method, "--status-code", "200"])).Ok();
        (await aws.RunAsync(["put-integration-response", .. method, "--status-code", "200", "--selection-pattern", ""])).Ok();
        foreach (var stage in stages)
        {
            (await aws.RunAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", stage)).Ok();
        }

        return apiId;
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

    // The authorizer function: allows every token it is given, naming the caller user-1.
    protected override async Task InvokeAsync(HttpContext context)
    {
        var @event = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (tokens)
        {
            tokens.Add(@event["authorizationToken"]!.GetValue<string>());
        }

        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            principalId = "user-1",
            policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = @event["methodArn"]!.GetValue<string>() } } },
        }));
    }
}
