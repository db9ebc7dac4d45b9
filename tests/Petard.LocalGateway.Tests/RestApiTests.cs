using System.Net;
using System.Text.Json;

namespace Petard.Local.Tests;

public sealed class RestApiTests : GatewayTestBase
{
    [Fact]
    public async Task CreateRestApi_answers_201_with_a_service_form_id_a_root_resource_and_epoch_seconds()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var api = await Client.InvokeAsync("CreateRestApi", new { name = "orders", description = "Orders API" });

        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Matches("^[a-z0-9]{10}$", api.Id);
        Assert.Equal("orders", api.GetString("name"));
        Assert.Equal("Orders API", api.GetString("description"));
        Assert.Equal(JsonValueKind.Number, api["createdDate"].ValueKind);
        Assert.InRange(api["createdDate"].GetInt64(), before, before + 60);
        Assert.NotNull(api.RequestId);

        var resources = await Client.InvokeAsync("GetResources", new { restApiId = api.Id });
        var root = Assert.Single(resources.Items);
        Assert.Equal("/", root.GetString("path"));
        Assert.Equal(api.GetString("rootResourceId"), root.Id);
    }

    [Fact]
    public async Task GetRestApis_pages_with_limit_and_position_and_PaginateAsync_follows_them()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateApiAsync($"api{i}");
        }

        var first = await Client.InvokeAsync("GetRestApis", new { limit = 2 });
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Position);
        var second = await Client.InvokeAsync("GetRestApis", new { limit = 2, position = first.Position });
        Assert.Equal(["api2", "api3"], second.Items.Select(i => i.GetString("name")));

        var all = new List<string?>();
        await foreach (var item in Client.PaginateAsync("GetRestApis", new { limit = 2 }))
        {
            all.Add(item.GetString("name"));
        }

        Assert.Equal(["api0", "api1", "api2", "api3", "api4"], all);
        var last = await Client.InvokeAsync("GetRestApis", new { limit = 500 });
        Assert.Null(last.Position);
    }

    [Fact]
    public async Task GetRestApis_refuses_a_limit_over_500()
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApis", new { limit = 501 }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task UpdateRestApi_applies_patch_operations()
    {
        var id = await CreateApiAsync();
        var updated = await Client.InvokeAsync("UpdateRestApi", new
        {
            restApiId = id,
            patchOperations = new object[]
            {
                new { op = "replace", path = "/name", value = "renamed" },
                new { op = "replace", path = "/description", value = "now described" },
                new { op = "add", path = "/binaryMediaTypes/image~1png" },
            },
        });

        Assert.Equal("renamed", updated.GetString("name"));
        Assert.Equal("now described", updated.GetString("description"));
        Assert.Equal("image/png", updated["binaryMediaTypes"][0].GetString());
        Assert.Equal("renamed", (await Client.InvokeAsync("GetRestApi", new { restApiId = id })).GetString("name"));
    }

    [Fact]
    public async Task DeleteRestApi_answers_202_and_the_api_is_gone()
    {
        var id = await CreateApiAsync();
        var deleted = await Client.InvokeAsync("DeleteRestApi", new { restApiId = id });
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetRestApi", new { restApiId = id }));
        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains(id, error.ServiceMessage, StringComparison.Ordinal);
    }
}
