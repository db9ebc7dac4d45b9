using System.Net;

namespace Petard.Local.Tests;

/// <summary>Gateway responses: the defaults of every type, customizing one and returning it to its default.</summary>
public sealed class GatewayResponseTests : GatewayTestBase
{
    [Fact]
    public async Task GetGatewayResponses_lists_a_default_for_every_response_type()
    {
        var apiId = await CreateApiAsync();
        var all = new List<Resource>();
        await foreach (var response in Client.PaginateAsync("GetGatewayResponses", new { restApiId = apiId }))
        {
            all.Add(response);
        }

        Assert.Equal(Petard.Model.OperationModel.Default.EnumValues("GatewayResponseType").Order(StringComparer.Ordinal), all.Select(r => r.GetString("responseType")!));
        Assert.All(all, r => Assert.True(r["defaultResponse"].GetBoolean()));
        var missingToken = all.Single(r => r.GetString("responseType") == "MISSING_AUTHENTICATION_TOKEN");
        Assert.Equal("403", missingToken.GetString("statusCode"));
        Assert.Equal("{\"message\":$context.error.messageString}", missingToken["responseTemplates"].GetProperty("application/json").GetString());
        Assert.False(all.Single(r => r.GetString("responseType") == "DEFAULT_4XX").Has("statusCode"));
    }

    [Fact]
    public async Task A_customized_response_is_stored_patched_and_deleted_back_to_its_default()
    {
        var apiId = await CreateApiAsync();
        var put = await Client.InvokeAsync("PutGatewayResponse", new
        {
            restApiId = apiId,
            responseType = "UNAUTHORIZED",
            statusCode = "401",
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.WWW-Authenticate"] = "'Bearer'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"error\":\"unauthorized\"}" },
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.False(put["defaultResponse"].GetBoolean());

        var updated = await Client.InvokeAsync("UpdateGatewayResponse", new { restApiId = apiId, responseType = "UNAUTHORIZED", patchOperations = new[] { new { op = "replace", path = "/statusCode", value = "403" } } });
        Assert.Equal("403", updated.GetString("statusCode"));
        Assert.Equal("'Bearer'", (await Client.InvokeAsync("GetGatewayResponse", new { restApiId = apiId, responseType = "UNAUTHORIZED" }))["responseParameters"].GetProperty("gatewayresponse.header.WWW-Authenticate").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteGatewayResponse", new { restApiId = apiId, responseType = "UNAUTHORIZED" })).StatusCode);
        var reset = await Client.InvokeAsync("GetGatewayResponse", new { restApiId = apiId, responseType = "UNAUTHORIZED" });
        Assert.True(reset["defaultResponse"].GetBoolean());
        Assert.Equal("401", reset.GetString("statusCode"));
        var notCustomized = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("DeleteGatewayResponse", new { restApiId = apiId, responseType = "UNAUTHORIZED" }));
        Assert.Equal("NotFoundException", notCustomized.ErrorType);
        Assert.Equal("Gateway response type not defined on api", notCustomized.ServiceMessage);
    }

    [Fact]
    public async Task A_customized_family_default_is_what_the_family_members_answer_until_they_are_customized_themselves()
    {
        var apiId = await CreateApiAsync();
        await Client.InvokeAsync("PutGatewayResponse", new { restApiId = apiId, responseType = "DEFAULT_5XX", statusCode = "599", responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.x-family"] = "'5xx'" } });

        var member = await Client.InvokeAsync("GetGatewayResponse", new { restApiId = apiId, responseType = "INTEGRATION_FAILURE" });
        Assert.True(member["defaultResponse"].GetBoolean());
        Assert.Equal("599", member.GetString("statusCode"));
        Assert.Equal("'5xx'", member["responseParameters"].GetProperty("gatewayresponse.header.x-family").GetString());
        Assert.Equal("{\"message\":$context.error.messageString}", member["responseTemplates"].GetProperty("application/json").GetString());
        Assert.Equal("403", (await Client.InvokeAsync("GetGatewayResponse", new { restApiId = apiId, responseType = "ACCESS_DENIED" })).GetString("statusCode"));
    }

    [Theory]
    [InlineData("add", "/statusCode", "444", "BadRequestException", "Invalid patch path /statusCode")]
    [InlineData("replace", "/wrongPath", "x", "BadRequestException", "Invalid patch path /wrongPath")]
    [InlineData("replace", "/responseParameters/gatewayresponse.header.none", "'x'", "NotFoundException", "Invalid parameter name specified")]
    [InlineData("add", "/responseTemplates/application~1xml", "", "BadRequestException", "Invalid null or empty value in responseTemplates")]
    public async Task A_patch_the_service_refuses_is_answered_in_its_words(string op, string path, string value, string errorType, string message)
    {
        var apiId = await CreateApiAsync();
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateGatewayResponse", new { restApiId = apiId, responseType = "DEFAULT_4XX", patchOperations = new[] { new { op, path, value } } }));
        Assert.Equal(errorType, error.ErrorType);
        Assert.Equal(message, error.ServiceMessage);
    }

    [Fact]
    public async Task An_unknown_type_or_a_bad_status_code_is_a_ValidationException_worded_as_the_service_words_it()
    {
        var apiId = await CreateApiAsync();
        var type = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetGatewayResponse", new { restApiId = apiId, responseType = "NOT_A_TYPE" }));
        Assert.Equal("ValidationException", type.ErrorType);
        Assert.StartsWith("1 validation error detected: Value 'NOT_A_TYPE' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [", type.ServiceMessage, StringComparison.Ordinal);

        var status = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("PutGatewayResponse", new { restApiId = apiId, responseType = "THROTTLED", statusCode = "42" }));
        Assert.Equal("ValidationException", status.ErrorType);
        Assert.Equal("1 validation error detected: Value '42' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d", status.ServiceMessage);
    }
}
