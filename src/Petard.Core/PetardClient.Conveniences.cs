using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Petard.Execution;

namespace Petard;

// Typed one-liners over InvokeAsync/PaginateAsync for the original petard's ten resources:
// RestApi, Resource, Method, Integration, Model, Deployment, Stage, ApiKey, DomainName,
// BasePathMapping. Creates take the operation's members as given; anything else goes through
// InvokeAsync with the official operation name.
public sealed partial class PetardClient
{
    /// <summary>Lists every REST API (GetRestApis, all pages).</summary>
    public IAsyncEnumerable<Resource> ListRestApisAsync(CancellationToken cancellationToken = default) => PaginateAsync("GetRestApis", new JsonObject { ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a REST API (GetRestApi).</summary>
    public Task<Resource> GetRestApiAsync(string restApiId, CancellationToken cancellationToken = default) => InvokeAsync("GetRestApi", new JsonObject { ["restApiId"] = restApiId }, cancellationToken);

    /// <summary>Creates a REST API (CreateRestApi), e.g. <c>new { name, description }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateRestApiAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateRestApi", parameters, cancellationToken);

    /// <summary>Patches a REST API (UpdateRestApi) with <c>patchOperations</c> such as <c>new[] { new { op = "replace", path = "/description", value = "v2" } }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> UpdateRestApiAsync(string restApiId, object patchOperations, CancellationToken cancellationToken = default) => InvokeAsync("UpdateRestApi", new { restApiId, patchOperations }, cancellationToken);

    /// <summary>Deletes a REST API (DeleteRestApi).</summary>
    public Task<Resource> DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default) => InvokeAsync("DeleteRestApi", new JsonObject { ["restApiId"] = restApiId }, cancellationToken);

    /// <summary>Lists the resources (paths) of a REST API (GetResources, all pages).</summary>
    public IAsyncEnumerable<Resource> ListResourcesAsync(string restApiId, CancellationToken cancellationToken = default) => PaginateAsync("GetResources", new JsonObject { ["restApiId"] = restApiId, ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a resource (GetResource).</summary>
    public Task<Resource> GetResourceAsync(string restApiId, string resourceId, CancellationToken cancellationToken = default) => InvokeAsync("GetResource", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId }, cancellationToken);

    /// <summary>Creates a resource under a parent (CreateResource).</summary>
    public Task<Resource> CreateResourceAsync(string restApiId, string parentId, string pathPart, CancellationToken cancellationToken = default) => InvokeAsync("CreateResource", new JsonObject { ["restApiId"] = restApiId, ["parentId"] = parentId, ["pathPart"] = pathPart }, cancellationToken);

    /// <summary>Deletes a resource (DeleteResource).</summary>
    public Task<Resource> DeleteResourceAsync(string restApiId, string resourceId, CancellationToken cancellationToken = default) => InvokeAsync("DeleteResource", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId }, cancellationToken);

    /// <summary>Reads a method (GetMethod).</summary>
    public Task<Resource> GetMethodAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) => InvokeAsync("GetMethod", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId, ["httpMethod"] = httpMethod }, cancellationToken);

    /// <summary>Creates or replaces a method (PutMethod), e.g. <c>new { restApiId, resourceId, httpMethod = "GET", authorizationType = "NONE" }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> PutMethodAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("PutMethod", parameters, cancellationToken);

    /// <summary>Deletes a method (DeleteMethod).</summary>
    public Task<Resource> DeleteMethodAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) => InvokeAsync("DeleteMethod", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId, ["httpMethod"] = httpMethod }, cancellationToken);

    /// <summary>Reads a method's integration (GetIntegration).</summary>
    public Task<Resource> GetIntegrationAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) => InvokeAsync("GetIntegration", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId, ["httpMethod"] = httpMethod }, cancellationToken);

    /// <summary>Creates or replaces an integration (PutIntegration), e.g. <c>new { restApiId, resourceId, httpMethod = "GET", type = "MOCK" }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> PutIntegrationAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("PutIntegration", parameters, cancellationToken);

    /// <summary>Deletes an integration (DeleteIntegration).</summary>
    public Task<Resource> DeleteIntegrationAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) => InvokeAsync("DeleteIntegration", new JsonObject { ["restApiId"] = restApiId, ["resourceId"] = resourceId, ["httpMethod"] = httpMethod }, cancellationToken);

    /// <summary>Lists the models of a REST API (GetModels, all pages).</summary>
    public IAsyncEnumerable<Resource> ListModelsAsync(string restApiId, CancellationToken cancellationToken = default) => PaginateAsync("GetModels", new JsonObject { ["restApiId"] = restApiId, ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a model (GetModel).</summary>
    public Task<Resource> GetModelAsync(string restApiId, string modelName, CancellationToken cancellationToken = default) => InvokeAsync("GetModel", new JsonObject { ["restApiId"] = restApiId, ["modelName"] = modelName }, cancellationToken);

    /// <summary>Creates a model (CreateModel), e.g. <c>new { restApiId, name, contentType = "application/json", schema }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateModelAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateModel", parameters, cancellationToken);

    /// <summary>Deletes a model (DeleteModel).</summary>
    public Task<Resource> DeleteModelAsync(string restApiId, string modelName, CancellationToken cancellationToken = default) => InvokeAsync("DeleteModel", new JsonObject { ["restApiId"] = restApiId, ["modelName"] = modelName }, cancellationToken);

    /// <summary>Lists the deployments of a REST API (GetDeployments, all pages).</summary>
    public IAsyncEnumerable<Resource> ListDeploymentsAsync(string restApiId, CancellationToken cancellationToken = default) => PaginateAsync("GetDeployments", new JsonObject { ["restApiId"] = restApiId, ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a deployment (GetDeployment).</summary>
    public Task<Resource> GetDeploymentAsync(string restApiId, string deploymentId, CancellationToken cancellationToken = default) => InvokeAsync("GetDeployment", new JsonObject { ["restApiId"] = restApiId, ["deploymentId"] = deploymentId }, cancellationToken);

    /// <summary>Creates a deployment (CreateDeployment), e.g. <c>new { restApiId, stageName, description }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateDeploymentAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateDeployment", parameters, cancellationToken);

    /// <summary>Deletes a deployment no stage uses (DeleteDeployment).</summary>
    public Task<Resource> DeleteDeploymentAsync(string restApiId, string deploymentId, CancellationToken cancellationToken = default) => InvokeAsync("DeleteDeployment", new JsonObject { ["restApiId"] = restApiId, ["deploymentId"] = deploymentId }, cancellationToken);

    /// <summary>Lists the stages of a REST API (GetStages; the service does not page them).</summary>
    public async IAsyncEnumerable<Resource> ListStagesAsync(string restApiId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var stage in (await InvokeAsync("GetStages", new JsonObject { ["restApiId"] = restApiId }, cancellationToken).ConfigureAwait(false)).Items)
        {
            yield return stage;
        }
    }

    /// <summary>Reads a stage (GetStage).</summary>
    public Task<Resource> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) => InvokeAsync("GetStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken);

    /// <summary>Creates a stage (CreateStage), e.g. <c>new { restApiId, stageName, deploymentId, variables }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateStageAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateStage", parameters, cancellationToken);

    /// <summary>Patches a stage (UpdateStage), e.g. <c>new[] { new { op = "replace", path = "/variables/env", value = "prod" } }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> UpdateStageAsync(string restApiId, string stageName, object patchOperations, CancellationToken cancellationToken = default) => InvokeAsync("UpdateStage", new { restApiId, stageName, patchOperations }, cancellationToken);

    /// <summary>Deletes a stage (DeleteStage).</summary>
    public Task<Resource> DeleteStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) => InvokeAsync("DeleteStage", new JsonObject { ["restApiId"] = restApiId, ["stageName"] = stageName }, cancellationToken);

    /// <summary>Lists API keys (GetApiKeys, all pages; values are not included).</summary>
    public IAsyncEnumerable<Resource> ListApiKeysAsync(CancellationToken cancellationToken = default) => PaginateAsync("GetApiKeys", new JsonObject { ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads an API key (GetApiKey); its value only when <paramref name="includeValue"/> is set.</summary>
    public Task<Resource> GetApiKeyAsync(string apiKey, bool includeValue = false, CancellationToken cancellationToken = default) => InvokeAsync("GetApiKey", new JsonObject { ["apiKey"] = apiKey, ["includeValue"] = includeValue }, cancellationToken);

    /// <summary>Creates an API key (CreateApiKey), e.g. <c>new { name, enabled = true }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateApiKeyAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateApiKey", parameters, cancellationToken);

    /// <summary>Deletes an API key (DeleteApiKey).</summary>
    public Task<Resource> DeleteApiKeyAsync(string apiKey, CancellationToken cancellationToken = default) => InvokeAsync("DeleteApiKey", new JsonObject { ["apiKey"] = apiKey }, cancellationToken);

    /// <summary>Lists custom domain names (GetDomainNames, all pages).</summary>
    public IAsyncEnumerable<Resource> ListDomainNamesAsync(CancellationToken cancellationToken = default) => PaginateAsync("GetDomainNames", new JsonObject { ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a custom domain name (GetDomainName).</summary>
    public Task<Resource> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => InvokeAsync("GetDomainName", new JsonObject { ["domainName"] = domainName }, cancellationToken);

    /// <summary>Creates a custom domain name (CreateDomainName), e.g. <c>new { domainName, regionalCertificateArn, endpointConfiguration }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateDomainNameAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateDomainName", parameters, cancellationToken);

    /// <summary>Deletes a custom domain name (DeleteDomainName).</summary>
    public Task<Resource> DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => InvokeAsync("DeleteDomainName", new JsonObject { ["domainName"] = domainName }, cancellationToken);

    /// <summary>Lists the base path mappings of a domain name (GetBasePathMappings, all pages).</summary>
    public IAsyncEnumerable<Resource> ListBasePathMappingsAsync(string domainName, CancellationToken cancellationToken = default) => PaginateAsync("GetBasePathMappings", new JsonObject { ["domainName"] = domainName, ["limit"] = 500 }, cancellationToken);

    /// <summary>Reads a base path mapping (GetBasePathMapping; <c>(none)</c> is the empty base path).</summary>
    public Task<Resource> GetBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken = default) => InvokeAsync("GetBasePathMapping", new JsonObject { ["domainName"] = domainName, ["basePath"] = basePath }, cancellationToken);

    /// <summary>Creates a base path mapping (CreateBasePathMapping), e.g. <c>new { domainName, restApiId, basePath, stage }</c>.</summary>
    [RequiresUnreferencedCode(ParameterReflection.Reason)]
    [RequiresDynamicCode(ParameterReflection.Reason)]
    public Task<Resource> CreateBasePathMappingAsync(object parameters, CancellationToken cancellationToken = default) => InvokeAsync("CreateBasePathMapping", parameters, cancellationToken);

    /// <summary>Deletes a base path mapping (DeleteBasePathMapping).</summary>
    public Task<Resource> DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken = default) => InvokeAsync("DeleteBasePathMapping", new JsonObject { ["domainName"] = domainName, ["basePath"] = basePath }, cancellationToken);
}
