using System.Net;
using Xunit;

namespace Petard.Core.Tests;

public class PaginationTests
{
    // Items written with odd spacing and number forms, to see that nothing is re-serialized.
    private static readonly string[][] Pages =
    [
        ["{\"id\":\"a1\", \"name\":\"one\",\"createdDate\":1700000000.123}", "{\"id\":\"a2\",\"tags\":{\"team\" : \"x\"}}"],
        ["{\"id\":\"a3\",\"binaryMediaTypes\":[\"image/png\"],\"n\":1.50}"],
        ["{\"id\":\"a4\",\"name\":\"caf\\u00e9\"}"],
    ];

    [Fact]
    public async Task PaginateAsync_follows_position_across_pages_and_keeps_each_item_as_sent()
    {
        var handler = new RecordingHandler().Then(request =>
        {
            var position = System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["position"];
            var page = position switch { null => 0, "page 2/=" => 1, "p3" => 2, _ => throw new InvalidOperationException(position) };
            var next = page switch { 0 => ",\"position\":\"page 2/=\"", 1 => ",\"position\":\"p3\"", _ => string.Empty };
            return RecordingHandler.Json(HttpStatusCode.OK, $"{{\"item\":[{string.Join(",", Pages[page])}]{next}}}");
        });
        using var client = TestClients.Create(handler);

        var items = await client.PaginateAsync("GetRestApis", new { limit = 2 }).ToListAsync();

        Assert.Equal(Pages.SelectMany(p => p), items.Select(i => i.ToString()));
        Assert.Equal(["?limit=2", "?limit=2&position=page%202%2F%3D", "?limit=2&position=p3"], handler.Requests.Select(r => r.Uri.Query));
        Assert.Equal("one", items[0].GetString("name"));
        Assert.Equal("café", items[3].GetString("name"));
    }

    [Fact]
    public async Task A_page_that_repeats_its_position_ends_the_listing()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.OK, "{\"item\":[{\"id\":\"x\"}],\"position\":\"same\"}");
        using var client = TestClients.Create(handler);

        var items = await client.PaginateAsync("GetDeployments", new { restApiId = "a1" }).ToListAsync();

        Assert.Equal(2, items.Count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Convenience_listing_pages_with_the_largest_page_size()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.OK, "{\"item\":[{\"id\":\"s1\"}]}");
        using var client = TestClients.Create(handler);

        var apis = await client.ListRestApisAsync().ToListAsync();

        Assert.Equal("s1", Assert.Single(apis).Id);
        Assert.Equal("/restapis?limit=500", Assert.Single(handler.Requests).Uri.PathAndQuery);
    }
}
