using System.Text.Json;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Bad parameters: a PetardException naming the operation and the member, thrown before anything is sent.</summary>
public class BadInputTests
{
    public static TheoryData<string, object?, string> BadCalls => new()
    {
        // operation, parameters, a member (or operation) the message must name
        { "GetRestApi", new { }, "restApiId" },
        { "GetRestApi", new { restApiId = (string?)null }, "restApiId" },
        { "GetRestApi", JsonDocument.Parse("{\"restApiId\":null}").RootElement, "restApiId" },
        { "GetStage", new { restApiId = "abc123" }, "stageName" },
        { "GetRestApi", new { restApiId = 42 }, "restApiId" },
        { "CreateDeployment", new { restApiId = "abc123", variables = new[] { "a", "b" } }, "variables" },
        { "CreateDeployment", new { restApiId = "abc123", cacheClusterEnabled = "yes" }, "cacheClusterEnabled" },
        { "GetRestApis", new { limit = "ten" }, "limit" },
        { "UpdateStage", new { restApiId = "abc123", stageName = "prod", patchOperations = new { op = "replace" } }, "patchOperations" },
        { "PutRestApi", new { restApiId = "abc123", body = 12 }, "body" },
        { "GetRestApi", new { restApiId = "" }, "restApiId" },
        { "GetStage", new { restApiId = "abc123", stageName = "" }, "stageName" },
        { "GetRestApi", new { restApiId = "abc123", restApiName = "x" }, "restApiName" },
        { "GetRestApi", new { RestApiId = "abc123" }, "RestApiId" },
        { "GetRestApi", "abc123", "GetRestApi" },
        { "GetRestApi", new[] { "abc123" }, "GetRestApi" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_parameters_are_rejected_before_anything_is_sent(string operation, object? parameters, string named)
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync(operation, parameters));

        Assert.Equal(PetardErrorCodes.InvalidInput, error.Code);
        Assert.Contains(operation, error.Message, StringComparison.Ordinal);
        Assert.Contains(named == operation ? operation : $"'{named}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_reflection_free_path_refuses_an_object_it_would_have_to_reflect_on_with_the_fix()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        // What the workflows (and the JsonObject overloads beneath them) use: an anonymous object there would be read by reflection, which trimmed or Native AOT code has not got.
        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeWithoutReflectionAsync("GetRestApi", new { restApiId = "abc123" }, CancellationToken.None));

        Assert.Equal(PetardErrorCodes.InvalidInput, error.Code);
        Assert.Contains("JsonObject", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_JsonObject_overloads_send_without_reflection()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        await client.InvokeAsync("GetStage", new System.Text.Json.Nodes.JsonObject { ["restApiId"] = "abc123", ["stageName"] = "prod" });
        await foreach (var _ in client.PaginateAsync("GetResources", new System.Text.Json.Nodes.JsonObject { ["restApiId"] = "abc123", ["limit"] = 2 }))
        {
        }

        Assert.Equal("/restapis/abc123/stages/prod", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/restapis/abc123/resources?limit=2", handler.Requests[1].Uri.PathAndQuery);
    }

    [Theory]
    [InlineData("GetRestApiz", "'GetRestApiz'")]
    [InlineData("getrestapis", "Did you mean 'GetRestApis'?")]
    public async Task Unknown_operation_is_rejected_before_anything_is_sent(string operation, string expected)
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync(operation));

        Assert.Equal(PetardErrorCodes.InvalidInput, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_member_in_the_wrong_case_is_pointed_at_its_right_spelling()
    {
        using var client = TestClients.Create(new RecordingHandler());

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApi", new { RestApiId = "abc123" }));

        Assert.Contains("Did you mean 'restApiId'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paginating_an_operation_that_does_not_page_is_rejected()
    {
        var handler = new RecordingHandler();
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PetardException>(async () => await client.PaginateAsync("GetRestApi", new { restApiId = "a" }).ToListAsync());

        Assert.Contains("GetRestApi", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Secret_values_never_appear_in_the_message()
    {
        using var client = TestClients.Create(new RecordingHandler());

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("CreateApiKey", new { name = "k", value = 123456789, enabled = true }));

        Assert.Contains("'value'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", error.Message, StringComparison.Ordinal);
    }
}
