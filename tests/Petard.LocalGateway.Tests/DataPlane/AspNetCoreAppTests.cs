using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// An HTTP_PROXY API in front of a locally running ASP.NET Core app (minimal APIs, routing, model
/// binding, JSON results): every answer through the invoke URL is the app's own.
/// </summary>
public sealed class AspNetCoreAppTests : DataPlaneTestBase
{
    private TestServer? app;

    private Uri AppUrl => app?.Url ?? throw new InvalidOperationException("not started");

    public sealed record Order(int Id, string Item);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var orders = new ConcurrentDictionary<int, Order>();
        app = await TestServer.StartAppAsync(routes =>
        {
            routes.MapGet("/orders/{id:int}", (int id) => orders.TryGetValue(id, out var order) ? Results.Ok(order) : Results.NotFound(new { error = $"no order {id}" }));
            routes.MapPost("/orders", (Order order) => orders.TryAdd(order.Id, order) ? Results.Created($"/orders/{order.Id}", order) : Results.Conflict(new { error = $"order {order.Id} exists" }));
            routes.MapDelete("/orders/{id:int}", (int id) => orders.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());
            routes.MapGet("/search", (string q, [FromHeader(Name = "X-Tenant")] string tenant, HttpContext context) =>
                Results.Text($"{tenant} searched '{q}' at {context.Features.Get<IHttpRequestFeature>()!.RawTarget}", "text/plain", Encoding.UTF8));
        });
    }

    public override async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Every_answer_through_the_invoke_URL_is_the_app_answer()
    {
        var apiId = await DeployAsync(Api(GreedyHttpProxy($"{AppUrl}{{proxy}}")));
        var tenant = new Dictionary<string, string> { ["X-Tenant"] = "acme" };
        (string Method, string Path, string? Body, IDictionary<string, string>? Headers)[] calls =
        [
            ("POST", "/orders", """{"id": 7, "item": "tea"}""", null),
            ("POST", "/orders", """{"id": 7, "item": "tea"}""", null),
            ("GET", "/orders/7", null, null),
            ("GET", "/orders/8", null, null),
            ("GET", "/search?q=green%20tea&page=2", null, tenant),
            ("GET", "/search?q=tea", null, null),
            ("DELETE", "/orders/7", null, null),
            ("GET", "/orders/7", null, null),
            ("PUT", "/orders/7", "{}", null),
        ];

        var answers = new List<Answer>();
        foreach (var (method, path, body, headers) in calls)
        {
            answers.Add(await CallAsync(method, InvokeUrl(apiId, path), body, headers: headers));
        }

        Assert.Equal([201, 409, 200, 404, 200, 400, 204, 404, 405], answers.Select(a => a.Status));
        Assert.Equal("""{"id":7,"item":"tea"}""", answers[0].Body);
        Assert.Equal("/orders/7", answers[0].Header("Location"));
        Assert.Equal("""{"error":"order 7 exists"}""", answers[1].Body);
        Assert.Equal("""{"id":7,"item":"tea"}""", answers[2].Body);
        Assert.Equal("application/json; charset=utf-8", answers[2].Header("Content-Type"));
        Assert.Equal("""{"error":"no order 8"}""", answers[3].Body);
        Assert.Equal("acme searched 'green tea' at /search?q=green%20tea&page=2", answers[4].Body);
        Assert.Contains("DELETE", answers[8].Header("Allow"), StringComparison.Ordinal); // the app's 405, not the gateway's 403
        Assert.NotNull(answers[0].Header("x-amzn-RequestId"));
    }
}
