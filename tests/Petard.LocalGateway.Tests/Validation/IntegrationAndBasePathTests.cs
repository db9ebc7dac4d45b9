namespace Petard.Local.Tests.Validation;

/// <summary>
/// Integration URIs, HTTP methods, credentials and VPC link ids by integration type (PutIntegration
/// and UpdateIntegration), and the base path rules of REST API mappings, as the service refuses them.
/// </summary>
public sealed class IntegrationAndBasePathTests : GatewayTestBase
{
    private const string LambdaUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations";

    [Theory]
    [InlineData("HTTP", "GET", "not a url", null, "Invalid HTTP endpoint specified for URI")]
    [InlineData("HTTP_PROXY", "ANY", "ftp://backend.example.com/orders", null, "Invalid HTTP endpoint specified for URI")]
    [InlineData("HTTP", "GET", null, null, "Invalid HTTP endpoint specified for URI")]
    [InlineData("HTTP", null, "https://backend.example.com/orders", null, "Enumeration value for HttpMethod must be non-empty")]
    [InlineData("AWS", "POST", "arn:aws:lambda:us-east-1:123456789012:function:orders", null, "Invalid integration URI specified")]
    [InlineData("AWS_PROXY", "POST", "arn:aws:apigateway:us-east-1:lambda:functions/orders", null, "AWS ARN for integration must contain path or action")]
    [InlineData("AWS", "POST", LambdaUri, "NONE", "Invalid ARN specified in the request")]
    [InlineData("AWS", "POST", LambdaUri, "arn:aws:iam::123456789012:user/deployer", "Invalid ARN specified in the request")]
    public async Task An_integration_its_type_does_not_allow_is_refused(string type, string? httpMethod, string? uri, string? credentials, string message)
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", type, integrationHttpMethod = httpMethod, uri, credentials }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(message, error.ServiceMessage);
    }

    [Theory]
    [InlineData("HTTP", "GET", "http://${stageVariables.host}/orders", null)]
    [InlineData("HTTP_PROXY", "ANY", "https://backend.example.com:8443/orders?x=1", null)]
    [InlineData("AWS", "POST", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders", "arn:aws:iam::123456789012:role/apigateway-sqs")]
    [InlineData("AWS", "GET", "arn:aws:apigateway:us-east-1:s3:action/GetObject&Bucket=orders&Key=a", "arn:aws:iam::*:user/*")]
    [InlineData("AWS_PROXY", "POST", LambdaUri, null)]
    [InlineData("MOCK", null, null, null)]
    public async Task An_integration_its_type_allows_is_stored(string type, string? httpMethod, string? uri, string? credentials)
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();

        var integration = await Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", type, integrationHttpMethod = httpMethod, uri, credentials });

        Assert.Equal(type, integration.GetString("type"));
        Assert.Equal(uri, integration.GetString("uri"));
        Assert.Equal(credentials, integration.GetString("credentials"));
    }

    [Fact]
    public async Task A_vpc_link_connection_needs_its_connection_id()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var put = new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", type = "HTTP_PROXY", integrationHttpMethod = "ANY", uri = "http://nlb.internal/orders", connectionType = "VPC_LINK" };

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutIntegration", put));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.StartsWith("Connection ID must be specified for connection type VPC_LINK", error.ServiceMessage, StringComparison.Ordinal);

        var stored = await Client.InvokeAsync("PutIntegration", new { put.restApiId, put.resourceId, put.httpMethod, put.type, put.integrationHttpMethod, put.uri, put.connectionType, connectionId = "${stageVariables.vpcLinkId}" });
        Assert.Equal("VPC_LINK", stored.GetString("connectionType"));

        var cleared = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "remove", path = "/connectionId" } } }));
        Assert.StartsWith("Connection ID must be specified", cleared.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIntegration_checks_the_patched_uri_and_credentials_against_the_integration_type()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("PutIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", type = "HTTP", integrationHttpMethod = "GET", uri = "https://backend.example.com/orders" });

        Task<Resource> Patch(string path, string value) =>
            Client.InvokeAsync("UpdateIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "replace", path, value } } });

        Assert.Equal("Invalid HTTP endpoint specified for URI", (await Assert.ThrowsAsync<PetardServiceException>(() => Patch("/uri", LambdaUri))).ServiceMessage);
        Assert.Equal("Invalid ARN specified in the request", (await Assert.ThrowsAsync<PetardServiceException>(() => Patch("/credentials", "role/apigateway"))).ServiceMessage);
        Assert.Equal("https://backend.example.com/v2", (await Patch("/uri", "https://backend.example.com/v2")).GetString("uri"));
        Assert.Equal("https://backend.example.com/v2", (await Client.InvokeAsync("GetIntegration", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET" })).GetString("uri"));
    }

    [Fact]
    public async Task A_rest_api_base_path_has_no_slash_and_none_names_the_empty_one()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "prod" });
        await Client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        const string Slash = "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2.";

        var multi = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "v1/orders", restApiId = apiId, stage = "prod" }));
        Assert.Equal("BadRequestException", multi.ErrorType);
        Assert.Equal(Slash, multi.ServiceMessage);

        var none = await Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "(none)", restApiId = apiId, stage = "prod" });
        Assert.Equal("(none)", none.GetString("basePath"));
        Assert.Equal(apiId, (await Client.InvokeAsync("GetBasePathMapping", new { domainName = "api.example.com", basePath = "(none)" })).GetString("restApiId"));

        var second = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "v2", restApiId = apiId, stage = "prod" }));
        Assert.Equal("ConflictException", second.ErrorType);
        Assert.Equal("Only one base path mapping is allowed if the base path is empty.", second.ServiceMessage);

        var moved = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateBasePathMapping", new { domainName = "api.example.com", basePath = "(none)", patchOperations = new[] { new { op = "replace", path = "/basePath", value = "v1/orders" } } }));
        Assert.Equal(Slash, moved.ServiceMessage);

        var renamed = await Client.InvokeAsync("UpdateBasePathMapping", new { domainName = "api.example.com", basePath = "(none)", patchOperations = new[] { new { op = "replace", path = "/basePath", value = "v1" } } });
        Assert.Equal("v1", renamed.GetString("basePath"));
        Assert.Equal("v2", (await Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "v2", restApiId = apiId, stage = "prod" })).GetString("basePath"));

        var empty = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", restApiId = apiId, stage = "prod" }));
        Assert.Equal("ConflictException", empty.ErrorType);
    }
}
