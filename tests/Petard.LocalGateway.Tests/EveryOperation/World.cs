namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// What the rows of the operation table call against: a REST API with a child resource, a GET
/// method with its integration and 200 responses, a stage, and the account-level resources, each
/// created only when a row needs it. Names and values are fixed so rows can refer to them.
/// </summary>
internal sealed class World(PetardClient client)
{
    public const string StageName = "test";
    public const string ChildPath = "items";
    public const string ModelName = "Item";
    public const string DocumentationVersion = "v1";
    public const string DomainName = "api.example.com";
    public const string BasePath = "orders";
    public const string ApiKeyValue = "petard-table-key-0123456789";
    public const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/table";
    public const string LambdaUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
    public const string TargetArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/table/0123456789abcdef";

    /// <summary>An identifier of the service's form that names nothing.</summary>
    public const string Missing = "nothing000";

    public string ApiId { get; private set; } = Missing;
    public string RootId { get; private set; } = Missing;
    public string ChildId { get; private set; } = Missing;
    public string DeploymentId { get; private set; } = Missing;
    public string StageDeploymentId { get; private set; } = Missing;
    public string AuthorizerId { get; private set; } = Missing;
    public string ValidatorId { get; private set; } = Missing;
    public string PartId { get; private set; } = Missing;
    public string ApiKeyId { get; private set; } = Missing;
    public string UsagePlanId { get; private set; } = Missing;
    public string VpcLinkId { get; private set; } = Missing;
    public string CertificateId { get; private set; } = Missing;

    /// <summary>The ARN that tags address the REST API by.</summary>
    public string ApiArn => $"arn:aws:apigateway:us-east-1::/restapis/{ApiId}";

    /// <summary>Creates what <paramref name="needs"/> names, in the order the service needs it.</summary>
    public async Task SetUpAsync(Needs needs)
    {
        bool Needs(Needs need) => (needs & need) == need;

        if (Needs(EveryOperation.Needs.Api))
        {
            ApiId = (await client.InvokeAsync("CreateRestApi", new { name = "table", tags = new Dictionary<string, string> { ["team"] = "table" } })).Id!;
            RootId = (await client.InvokeAsync("GetResources", new { restApiId = ApiId })).Items.Single().Id!;
        }

        if (Needs(EveryOperation.Needs.Child))
        {
            ChildId = (await client.InvokeAsync("CreateResource", new { restApiId = ApiId, parentId = RootId, pathPart = ChildPath })).Id!;
        }

        if (Needs(EveryOperation.Needs.Method))
        {
            var method = new { restApiId = ApiId, resourceId = RootId, httpMethod = "GET" };
            await client.InvokeAsync("PutMethod", new { method.restApiId, method.resourceId, method.httpMethod, authorizationType = "NONE" });
            await client.InvokeAsync("PutMethodResponse", new { method.restApiId, method.resourceId, method.httpMethod, statusCode = "200" });
            await client.InvokeAsync("PutIntegration", new { method.restApiId, method.resourceId, method.httpMethod, type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" } });
            await client.InvokeAsync("PutIntegrationResponse", new { method.restApiId, method.resourceId, method.httpMethod, statusCode = "200" });
        }

        if (Needs(EveryOperation.Needs.Stage))
        {
            StageDeploymentId = (await client.InvokeAsync("CreateDeployment", new { restApiId = ApiId, stageName = StageName })).Id!;
        }

        if (Needs(EveryOperation.Needs.Deployment))
        {
            DeploymentId = (await client.InvokeAsync("CreateDeployment", new { restApiId = ApiId, description = "no stage" })).Id!;
        }

        if (Needs(EveryOperation.Needs.ApiModel))
        {
            await client.InvokeAsync("CreateModel", new { restApiId = ApiId, name = ModelName, contentType = "application/json", schema = "{\"type\":\"object\"}" });
        }

        if (Needs(EveryOperation.Needs.Authorizer))
        {
            AuthorizerId = (await client.InvokeAsync("CreateAuthorizer", new { restApiId = ApiId, name = "tokens", type = "REQUEST", authorizerUri = LambdaUri, identitySource = "method.request.querystring.token" })).Id!;
        }

        if (Needs(EveryOperation.Needs.Validator))
        {
            ValidatorId = (await client.InvokeAsync("CreateRequestValidator", new { restApiId = ApiId, name = "body", validateRequestBody = true })).Id!;
        }

        if (Needs(EveryOperation.Needs.GatewayResponse))
        {
            await client.InvokeAsync("PutGatewayResponse", new { restApiId = ApiId, responseType = "MISSING_AUTHENTICATION_TOKEN", statusCode = "404" });
        }

        if (Needs(EveryOperation.Needs.DocumentationPart))
        {
            PartId = (await client.InvokeAsync("CreateDocumentationPart", new { restApiId = ApiId, location = new { type = "API" }, properties = "{\"description\":\"table\"}" })).Id!;
        }

        if (Needs(EveryOperation.Needs.DocumentationVersion))
        {
            await client.InvokeAsync("CreateDocumentationVersion", new { restApiId = ApiId, documentationVersion = DocumentationVersion });
        }

        if (Needs(EveryOperation.Needs.ApiKey))
        {
            ApiKeyId = (await client.InvokeAsync("CreateApiKey", new { name = "partner", value = ApiKeyValue, enabled = true })).Id!;
        }

        if (Needs(EveryOperation.Needs.UsagePlan))
        {
            UsagePlanId = (await client.InvokeAsync("CreateUsagePlan", new { name = "gold", quota = new { limit = 1000, period = "MONTH" } })).Id!;
        }

        if (Needs(EveryOperation.Needs.UsagePlanKey))
        {
            await client.InvokeAsync("CreateUsagePlanKey", new { usagePlanId = UsagePlanId, keyId = ApiKeyId, keyType = "API_KEY" });
        }

        if (Needs(EveryOperation.Needs.Domain))
        {
            await client.InvokeAsync("CreateDomainName", new { domainName = DomainName, certificateArn = CertificateArn });
        }

        if (Needs(EveryOperation.Needs.BasePathMapping))
        {
            await client.InvokeAsync("CreateBasePathMapping", new { domainName = DomainName, basePath = BasePath, restApiId = ApiId, stage = StageName });
        }

        if (Needs(EveryOperation.Needs.VpcLink))
        {
            VpcLinkId = (await client.InvokeAsync("CreateVpcLink", new { name = "link", targetArns = new[] { TargetArn } })).Id!;
        }

        if (Needs(EveryOperation.Needs.Certificate))
        {
            CertificateId = (await client.InvokeAsync("GenerateClientCertificate", new { description = "table" })).GetString("clientCertificateId")!;
        }
    }
}
