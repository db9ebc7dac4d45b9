using Petard.Model;

namespace Petard.Local.Tests.Validation;

/// <summary>
/// A theory generated from the customizations' patchPaths table: every documented path of every
/// resource kind, with each op the table lists, is accepted over HTTP; an undocumented path and an
/// op the path does not take are refused with the service's error type and message.
/// </summary>
public sealed class PatchPathTableTests : GatewayTestBase
{
    private static readonly PatchPathTable Table = ServiceRules.Default.PatchPaths;

    // Concrete paths for the placeholders of templates, by "kind template".
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["restApi /binaryMediaTypes/{mediaType}"] = "/binaryMediaTypes/image~1png",
        ["restApi /endpointConfiguration/types/{type}"] = "/endpointConfiguration/types/EDGE",
        ["method /requestParameters/{parameter}"] = "/requestParameters/method.request.querystring.page",
        ["method /requestModels/{contentType}"] = "/requestModels/application~1json",
        ["method /authorizationScopes/{scope}"] = "/authorizationScopes/orders~1read",
        ["methodResponse /responseParameters/{parameter}"] = "/responseParameters/method.response.header.X-Id",
        ["methodResponse /responseModels/{contentType}"] = "/responseModels/application~1json",
        ["integration /requestParameters/{parameter}"] = "/requestParameters/integration.request.header.X-Page",
        ["integration /requestTemplates/{contentType}"] = "/requestTemplates/application~1json",
        ["integration /cacheKeyParameters/{parameter}"] = "/cacheKeyParameters/method.request.querystring.page",
        ["integrationResponse /responseParameters/{parameter}"] = "/responseParameters/method.response.header.X-Id",
        ["integrationResponse /responseTemplates/{contentType}"] = "/responseTemplates/application~1json",
        ["stage /variables/{name}"] = "/variables/env",
        ["stage /canarySettings/stageVariableOverrides/{name}"] = "/canarySettings/stageVariableOverrides/env",
        ["stage /{resourcePath}/{httpMethod}"] = "/~1orders/GET",
        ["stage /{resourcePath}/{httpMethod}/{setting+}"] = "/*/*/logging/loglevel",
        ["usagePlan /apiStages/{apiStage}/throttle/{method+}"] = "/apiStages/{api}:prod/throttle/~1orders/GET/rateLimit",
        ["gatewayResponse /responseParameters/{parameter}"] = "/responseParameters/gatewayresponse.header.X-Id",
        ["gatewayResponse /responseTemplates/{contentType}"] = "/responseTemplates/application~1json",
    };

    // Values a path needs beyond its kind's default ("x", "true", "5", "1.5", the enum's first value).
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["restApi /endpointConfiguration/types/{type}"] = "REGIONAL",
        ["restApi /policy"] = "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
        ["restApi /endpointConfiguration/vpcEndpointIds"] = "vpce-0123456789abcdef0",
        ["restApi /endpointConfiguration/ipAddressType"] = "dualstack",
        ["domainName /endpointConfiguration/ipAddressType"] = "dualstack",
        ["domainName /mutualTlsAuthentication/truststoreUri"] = "s3://truststores/api.pem",
        ["resource /pathPart"] = "invoices",
        ["resource /parentId"] = "{root}",
        ["method /authorizationType"] = "NONE",
        ["method /authorizerId"] = "{authorizer}",
        ["method /requestValidatorId"] = "{validator}",
        ["method /requestModels/{contentType}"] = "Order",
        ["methodResponse /responseModels/{contentType}"] = "Order",
        ["integration /uri"] = "https://backend.example.com/v2/orders",
        ["integration /httpMethod"] = "POST",
        ["integration /passthroughBehavior"] = "NEVER",
        ["integration /credentials"] = "arn:aws:iam::123456789012:role/apigateway",
        ["integration /requestParameters/{parameter}"] = "method.request.querystring.page",
        ["integrationResponse /selectionPattern"] = "2\\d{2}",
        ["integrationResponse /responseParameters/{parameter}"] = "'orders'",
        ["stage /deploymentId"] = "{deployment}",
        ["stage /canarySettings/deploymentId"] = "{deployment}",
        ["stage /canarySettings/percentTraffic"] = "25",
        ["stage /{resourcePath}/{httpMethod}/{setting+}"] = "INFO",
        ["stage /webAclArn"] = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/orders/abc",
        ["apiKey /stageKeys"] = "{api}/prod",
        ["usagePlan /apiStages"] = "{api}:prod",
        ["usagePlan /apiStages/{apiStage}/throttle/{method+}"] = "7.5",
        ["usage /remaining"] = "10",
        ["authorizer /type"] = "TOKEN",
        ["authorizer /authorizerUri"] = PatchWorld.Lambda,
        ["authorizer /identitySource"] = "method.request.header.X-Token",
        ["authorizer /authorizerResultTtlInSeconds"] = "60",
        ["authorizer /providerARNs"] = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
        ["gatewayResponse /statusCode"] = "403",
        ["gatewayResponse /responseParameters/{parameter}"] = "'orders'",
        ["model /schema"] = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}",
        ["documentationPart /properties"] = "{\"description\":\"all orders\"}",
        ["domainName /certificateArn"] = "arn:aws:acm:us-east-1:123456789012:certificate/def",
        ["basePathMapping /basePath"] = "invoices",
        ["basePathMapping /restapiId"] = "{api}",
        ["basePathMapping /stage"] = "prod",
        ["account /cloudwatchRoleArn"] = "arn:aws:iam::123456789012:role/logs",
        ["account /features add"] = "UsagePlans",
        ["account /features remove"] = "Unused", // the service removes any feature but UsagePlans
    };

    public static TheoryData<string, string, string> DocumentedPaths()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in Table.Kinds)
        {
            foreach (var rule in Table.Rules(kind))
            {
                foreach (var op in rule.Ops)
                {
                    data.Add(kind, rule.Template, op);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Table.Kinds)
        {
            data.Add(kind);
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_update_operation_of_the_model()
    {
        // Each Update* operation with patchOperations has a kind; the world knows how to call each kind.
        var updates = OperationModel.Default.Operations.Values.Count(o => o.Members.ContainsKey("patchOperations"));
        Assert.Equal(updates, Table.Kinds.Count());
    }

    [Theory]
    [MemberData(nameof(DocumentedPaths))]
    public async Task A_documented_patch_path_is_accepted(string kind, string template, string op)
    {
        var world = await PatchWorld.CreateAsync(Client);
        var rule = Table.Rules(kind).Single(r => r.Template == template);
        var path = Fill(world, Paths.GetValueOrDefault($"{kind} {template}", template));
        var value = op == "remove" && rule.Kind is not (PatchValueKind.List or PatchValueKind.Custom) ? null : Fill(world, ValueFor(kind, rule, op));
        object operation = op == "copy"
            ? new { op, path, from = "/canarySettings/deploymentId" }
            : new { op, path, value };

        var answer = await world.UpdateAsync(kind, operation);

        Assert.True((int)answer.StatusCode is >= 200 and < 300, $"{kind} {op} {path} answered {answer.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_undocumented_patch_path_is_refused_with_the_service_message(string kind)
    {
        var world = await PatchWorld.CreateAsync(Client);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => world.UpdateAsync(kind, new { op = "replace", path = "/notDocumented", value = "x" }));

        Assert.Equal("BadRequestException", error.ErrorType);
        var documented = Table.Rules(kind).Where(r => r.Allows("replace")).Select(r => r.Template);
        var expected = Table.InvalidPathMessage(kind) is { } key
            ? ServiceRules.Default.Messages.Format(key, ("path", "/notDocumented"))
            : $"Invalid patch path  '/notDocumented' specified for op 'replace'. Must be one of: [{string.Join(", ", documented)}]";
        Assert.Equal(expected, error.ServiceMessage);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_op_a_documented_path_does_not_take_is_refused_with_the_service_message(string kind)
    {
        var world = await PatchWorld.CreateAsync(Client);
        var rule = Table.Rules(kind).First(r => !r.Allows("move"));
        var path = Fill(world, Paths.GetValueOrDefault($"{kind} {rule.Template}", rule.Template));

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => world.UpdateAsync(kind, new { op = "move", path, from = "/x" }));

        Assert.Equal("BadRequestException", error.ErrorType);
        var expected = Table.InvalidPathMessage(kind) is { } key
            ? ServiceRules.Default.Messages.Format(key, ("path", path))
            : $"Invalid patch path  '{path}' specified for op 'move'. Please choose supported operations";
        Assert.Equal(expected, error.ServiceMessage);
    }

    [Theory]
    [InlineData("restApi", "/apiKeySource", "QUERY", "ApiKeySourceType")]
    [InlineData("usagePlan", "/quota/period", "YEAR", "QuotaPeriodType")]
    [InlineData("integration", "/connectionType", "DIRECT", "ConnectionType")]
    [InlineData("domainName", "/securityPolicy", "TLS_1_3", "SecurityPolicy")]
    public async Task A_value_outside_the_enum_of_its_path_is_refused(string kind, string path, string value, string enumName)
    {
        var world = await PatchWorld.CreateAsync(Client);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => world.UpdateAsync(kind, new { op = "replace", path, value }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(
            $"1 validation error detected: Value '{value}' at '{path.TrimStart('/')}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", OperationModel.Default.EnumValues(enumName))}]",
            error.ServiceMessage);
    }

    [Fact]
    public async Task Remove_accessLogSettings_drops_the_stage_access_log_and_usage_plan_paths_land_where_the_service_shows_them()
    {
        var world = await PatchWorld.CreateAsync(Client);
        await world.UpdateAsync("stage", new { op = "replace", path = "/accessLogSettings/destinationArn", value = "arn:aws:logs:us-east-1:123456789012:log-group:access" }, new { op = "replace", path = "/accessLogSettings/format", value = "$context.requestId" });
        var removed = await world.UpdateAsync("stage", new { op = "remove", path = "/accessLogSettings" });
        Assert.False(removed.Json.TryGetProperty("accessLogSettings", out _));

        var plan = await world.UpdateAsync(
            "usagePlan",
            new { op = "replace", path = "/productCode", value = "prod-123" },
            new { op = "replace", path = "/quota/limit", value = "500" },
            new { op = "replace", path = "/quota/period", value = "WEEK" },
            new { op = "replace", path = "/throttle/burstLimit", value = "20" },
            new { op = "replace", path = $"/apiStages/{world.ApiId}:prod/throttle/~1orders/GET/rateLimit", value = "7.5" });
        Assert.Equal("prod-123", plan.GetString("productCode"));
        Assert.Equal(500, plan["quota"].GetProperty("limit").GetInt32());
        Assert.Equal("WEEK", plan["quota"].GetProperty("period").GetString());
        Assert.Equal(20, plan["throttle"].GetProperty("burstLimit").GetInt32());
        Assert.Equal(7.5, plan["apiStages"][0].GetProperty("throttle").GetProperty("/orders/GET").GetProperty("rateLimit").GetDouble());

        var without = await world.UpdateAsync("usagePlan", new { op = "remove", path = "/apiStages", value = $"{world.ApiId}:prod" });
        Assert.Equal(0, without["apiStages"].GetArrayLength());
    }

    private static string ValueFor(string kind, PatchPathRule rule, string? op = null) =>
        Values.TryGetValue($"{kind} {rule.Template} {op}", out var forOp) ? forOp
        : Values.TryGetValue($"{kind} {rule.Template}", out var value) ? value
        : rule.EnumName is { } enumName ? OperationModel.Default.EnumValues(enumName)[0]
        : (rule.Kind == PatchValueKind.Map ? rule.Of : rule.Kind) switch
        {
            PatchValueKind.Boolean => "true",
            PatchValueKind.Integer => "5",
            PatchValueKind.Double => "1.5",
            _ when rule.Template.EndsWith("useStageCache", StringComparison.Ordinal) || rule.Template.EndsWith("cacheClusterEnabled", StringComparison.Ordinal) => "true",
            _ => "x",
        };

    private static string Fill(PatchWorld world, string text) => text
        .Replace("{api}", world.ApiId, StringComparison.Ordinal)
        .Replace("{root}", world.RootId, StringComparison.Ordinal)
        .Replace("{deployment}", world.DeploymentId, StringComparison.Ordinal)
        .Replace("{authorizer}", world.AuthorizerId, StringComparison.Ordinal)
        .Replace("{validator}", world.ValidatorId, StringComparison.Ordinal);
}
