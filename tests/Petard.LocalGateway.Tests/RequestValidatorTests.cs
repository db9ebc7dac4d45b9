using System.Net;

namespace Petard.Local.Tests;

/// <summary>Request validators: CRUD, patch paths, and a validator in use.</summary>
public sealed class RequestValidatorTests : GatewayTestBase
{
    [Fact]
    public async Task A_request_validator_has_full_crud_and_cannot_be_deleted_while_a_method_uses_it()
    {
        var (apiId, rootId) = await CreateDeployableApiAsync();
        var created = await Client.InvokeAsync("CreateRequestValidator", new { restApiId = apiId, name = "body-only", validateRequestBody = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created["validateRequestBody"].GetBoolean());
        Assert.False(created["validateRequestParameters"].GetBoolean());

        var updated = await Client.InvokeAsync("UpdateRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id, patchOperations = new[] { new { op = "replace", path = "/validateRequestParameters", value = "true" } } });
        Assert.True(updated["validateRequestParameters"].GetBoolean());
        Assert.True((await Client.InvokeAsync("GetRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id }))["validateRequestParameters"].GetBoolean());
        Assert.Single((await Client.InvokeAsync("GetRequestValidators", new { restApiId = apiId })).Items);

        var badPath = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id, patchOperations = new[] { new { op = "replace", path = "/id", value = "x" } } }));
        Assert.Equal("BadRequestException", badPath.ErrorType);
        Assert.Equal("Invalid patch path  '/id' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]", badPath.ServiceMessage);
        var badOp = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id, patchOperations = new[] { new { op = "add", path = "/validateRequestBody", value = "true" } } }));
        Assert.Equal("Invalid patch path  '/validateRequestBody' specified for op 'add'. Please choose supported operations", badOp.ServiceMessage);
        var blank = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id, patchOperations = new[] { new { op = "replace", path = "/name", value = "" } } }));
        Assert.Equal("Request Validator name cannot be blank", blank.ServiceMessage);

        await Client.InvokeAsync("UpdateMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "replace", path = "/requestValidatorId", value = created.Id } } });
        var inUse = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("DeleteRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id }));
        Assert.Contains("is referenced in method", inUse.ServiceMessage, StringComparison.Ordinal);
        await Client.InvokeAsync("UpdateMethod", new { restApiId = apiId, resourceId = rootId, httpMethod = "GET", patchOperations = new[] { new { op = "remove", path = "/requestValidatorId" } } });
        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id })).StatusCode);

        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRequestValidator", new { restApiId = apiId, requestValidatorId = created.Id }));
        Assert.Equal("Invalid Request Validator identifier specified", gone.ServiceMessage);
    }

    [Fact]
    public async Task Creating_on_an_unknown_api_is_a_BadRequest_and_listing_it_a_NotFound_as_AWS_answers()
    {
        var create = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateRequestValidator", new { restApiId = "nope000000", name = "v" }));
        Assert.Equal("BadRequestException", create.ErrorType);
        Assert.Equal("Invalid REST API identifier specified", create.ServiceMessage);
        var list = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRequestValidators", new { restApiId = "nope000000" }));
        Assert.Equal("NotFoundException", list.ErrorType);
    }
}
