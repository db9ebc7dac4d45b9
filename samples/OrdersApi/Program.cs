using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();

var orders = new ConcurrentDictionary<int, Order>();
orders[1] = new Order(1, "fountain pen", 2, null);

app.MapGet("/orders/{id}", (int id) => orders.TryGetValue(id, out var order) ? Results.Ok(order) : Results.NotFound())
    .WithName("GetOrder");
app.MapPost("/orders", (NewOrder order) =>
{
    var created = new Order(orders.Count + 1, order.Item, order.Quantity, order.Note);
    orders[created.Id] = created;
    return Results.Created($"/orders/{created.Id}", created);
}).WithName("CreateOrder");
app.MapDelete("/orders/{id}/lines/{line}", (int id, int line) => orders.ContainsKey(id) ? Results.NoContent() : Results.NotFound())
    .WithName("DeleteOrderLine");
app.MapGet("/health", () => "ok");

app.Run();

/// <summary>An order as the API returns it.</summary>
public record Order(int Id, string Item, int Quantity, string? Note);

/// <summary>An order as a client sends it.</summary>
public record NewOrder(string Item, int Quantity, string? Note);
