namespace Petard.Local.Tests.Validation;

/// <summary>
/// One resource of every patchable kind in a fresh emulator, made through the client, and the
/// update call of each kind (the key of the customizations' patchPaths table).
/// </summary>
internal sealed class PatchWorld
{
    public const string Lambda = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    private readonly PetardClient client;

    private PatchWorld(PetardClient client) => this.client = client;

    public string ApiId { get; private set; } = string.Empty;

    public string RootId { get; private set; } = string.Empty;

    public string ResourceId { get; private set; } = string.Empty;

    public string DeploymentId { get; private set; } = string.Empty;

    public string AuthorizerId { get; private set; } = string.Empty;

    public string ValidatorId { get; private set; } = string.Empty;

    private string ApiKeyId { get; set; } = string.Empty;

    private string PlanId { get; set; } = string.Empty;

    private string CertificateId { get; set; } = string.Empty;

    private string VpcLinkId { get; set; } = string.Empty;

    private string PartId { get; set; } = string.Empty;

    public static async Task<PatchWorld> CreateAsync(PetardClient client)
    {
        var world = new PatchWorld(client);
        await world.BuildAsync();
        return world;
    }

    /// <summary>Sends the update operation of <paramref name="kind"/> with the given patch operations.</summary>
    public Task<Resource> UpdateAsync(string kind, params object[] patchOperations)
    {
        var (operation, parameters) = kind switch
        {
            "restApi" => ("UpdateRestApi", (object)new { restApiId = ApiId }),
            "resource" => ("UpdateResource", new { restApiId = ApiId, resourceId = ResourceId }),
            "method" => ("UpdateMethod", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET" }),
            "methodResponse" => ("UpdateMethodResponse", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", statusCode = "200" }),
            "integration" => ("UpdateIntegration", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET" }),
            "integrationResponse" => ("UpdateIntegrationResponse", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", statusCode = "200" }),
            "stage" => ("UpdateStage", new { restApiId = ApiId, stageName = "prod" }),
            "deployment" => ("UpdateDeployment", new { restApiId = ApiId, deploymentId = DeploymentId }),
            "apiKey" => ("UpdateApiKey", new { apiKey = ApiKeyId }),
            "usagePlan" => ("UpdateUsagePlan", new { usagePlanId = PlanId }),
            "usage" => ("UpdateUsage", new { usagePlanId = PlanId, keyId = ApiKeyId }),
            "authorizer" => ("UpdateAuthorizer", new { restApiId = ApiId, authorizerId = AuthorizerId }),
            "requestValidator" => ("UpdateRequestValidator", new { restApiId = ApiId, requestValidatorId = ValidatorId }),
            "gatewayResponse" => ("UpdateGatewayResponse", new { restApiId = ApiId, responseType = "DEFAULT_4XX" }),
            "model" => ("UpdateModel", new { restApiId = ApiId, modelName = "Order" }),
            "documentationPart" => ("UpdateDocumentationPart", new { restApiId = ApiId, documentationPartId = PartId }),
            "documentationVersion" => ("UpdateDocumentationVersion", new { restApiId = ApiId, documentationVersion = "v1" }),
            "domainName" => ("UpdateDomainName", new { domainName = "api.example.com" }),
            "basePathMapping" => ("UpdateBasePathMapping", new { domainName = "api.example.com", basePath = "orders" }),
            "clientCertificate" => ("UpdateClientCertificate", new { clientCertificateId = CertificateId }),
            "vpcLink" => ("UpdateVpcLink", new { vpcLinkId = VpcLinkId }),
            "account" => ("UpdateAccount", new { }),
            _ => throw new ArgumentException($"No update operation is known for patch kind '{kind}'; add it to {nameof(PatchWorld)}.", nameof(kind)),
        };
        var members = System.Text.Json.JsonSerializer.SerializeToNode(parameters)!.AsObject();
        members["patchOperations"] = System.Text.Json.JsonSerializer.SerializeToNode(patchOperations);
        return client.InvokeAsync(operation, members);
    }

    private async Task BuildAsync()
    {
        // PRIVATE, so that VPC endpoints can be associated (the service takes them on no other type).
        ApiId = (await client.InvokeAsync("CreateRestApi", new { name = "orders", endpointConfiguration = new { types = new[] { "PRIVATE" } } })).Id!;
        RootId = (await client.InvokeAsync("GetResources", new { restApiId = ApiId })).Items.Single().Id!;
        ResourceId = (await client.InvokeAsync("CreateResource", new { restApiId = ApiId, parentId = RootId, pathPart = "orders" })).Id!;
        AuthorizerId = (await client.InvokeAsync("CreateAuthorizer", new { restApiId = ApiId, name = "tokens", type = "TOKEN", authorizerUri = Lambda, identitySource = "method.request.header.Authorization" })).Id!;
        ValidatorId = (await client.InvokeAsync("CreateRequestValidator", new { restApiId = ApiId, name = "all", validateRequestBody = true })).Id!;
        await client.InvokeAsync("CreateModel", new { restApiId = ApiId, name = "Order", contentType = "application/json", schema = "{\"type\":\"object\"}" });
        await client.InvokeAsync("PutMethod", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", authorizationType = "NONE" });
        await client.InvokeAsync("PutMethodResponse", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", statusCode = "200" });
        await client.InvokeAsync("PutIntegration", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", type = "HTTP", integrationHttpMethod = "GET", uri = "https://backend.example.com/orders" });
        await client.InvokeAsync("PutIntegrationResponse", new { restApiId = ApiId, resourceId = ResourceId, httpMethod = "GET", statusCode = "200" });
        DeploymentId = (await client.InvokeAsync("CreateDeployment", new { restApiId = ApiId, stageName = "prod" })).Id!;
        await client.InvokeAsync("UpdateStage", new
        {
            restApiId = ApiId,
            stageName = "prod",
            patchOperations = new[] { new { op = "replace", path = "/canarySettings/deploymentId", value = DeploymentId }, new { op = "replace", path = "/canarySettings/percentTraffic", value = "10" } },
        });
        await client.InvokeAsync("PutGatewayResponse", new { restApiId = ApiId, responseType = "DEFAULT_4XX", statusCode = "400", responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.X-Id"] = "'orders'" } });
        PartId = (await client.InvokeAsync("CreateDocumentationPart", new { restApiId = ApiId, location = new { type = "API" }, properties = "{\"description\":\"orders\"}" })).Id!;
        await client.InvokeAsync("CreateDocumentationVersion", new { restApiId = ApiId, documentationVersion = "v1", stageName = "prod" });
        ApiKeyId = (await client.InvokeAsync("CreateApiKey", new { name = "key", enabled = true })).Id!;
        PlanId = (await client.InvokeAsync("CreateUsagePlan", new { name = "gold", apiStages = new[] { new { apiId = ApiId, stage = "prod" } }, quota = new { limit = 100, period = "DAY" } })).Id!;
        await client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = PlanId, keyId = ApiKeyId, keyType = "API_KEY" });
        await client.InvokeAsync("CreateDomainName", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
        await client.InvokeAsync("CreateBasePathMapping", new { domainName = "api.example.com", basePath = "orders", restApiId = ApiId, stage = "prod" });
        CertificateId = (await client.InvokeAsync("GenerateClientCertificate", new { description = "mtls" })).GetString("clientCertificateId")!;
        VpcLinkId = (await client.InvokeAsync("CreateVpcLink", new { name = "nlb", targetArns = new[] { "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/0123abcd" } })).Id!;
    }
}
